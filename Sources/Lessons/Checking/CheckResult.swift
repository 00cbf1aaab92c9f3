/// The verdict of a check: one stable line, and optional details (a timeline, say).
public struct CheckResult: Sendable, Equatable {
  public var passed: Bool
  /// `✓ [2.3] …` or `✗ [2.3] …` (`PASS`/`FAIL` in ASCII).
  public var line: String
  public var details: [String] = []

  static func verdict(_ passed: Bool, id: String, _ text: String, unicode: Bool) -> CheckResult {
    let mark = unicode ? (passed ? "✓" : "✗") : (passed ? "PASS" : "FAIL")
    return CheckResult(passed: passed, line: "\(mark) [\(id)] \(text)")
  }
}
