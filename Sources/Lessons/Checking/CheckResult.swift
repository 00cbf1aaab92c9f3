/// The verdict of a check: one stable line, and optional details (a timeline, say).
public struct CheckResult: Sendable, Equatable {
  public var passed: Bool
  /// `✓ [2.3] …` or `✗ [2.3] …` (`PASS`/`FAIL` in ASCII).
  public var line: String
  public var details: [String] = []
  /// Whether the answer could be read at all; an unreadable one is not a failed attempt.
  public var readable = true

  /// An answer that could not be read, with the form that is expected.
  static func unreadable(id: String, _ given: String, _ form: String, unicode: Bool)
    -> CheckResult
  {
    var result = verdict(
      false, id: id, "cannot read '\(given)' as an answer; give \(form)", unicode: unicode)
    result.readable = false
    return result
  }

  static func verdict(_ passed: Bool, id: String, _ text: String, unicode: Bool) -> CheckResult {
    let mark = unicode ? (passed ? "✓" : "✗") : (passed ? "PASS" : "FAIL")
    return CheckResult(passed: passed, line: "\(mark) [\(id)] \(text)")
  }
}
