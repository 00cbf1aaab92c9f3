/// Parses and prints percentages such as `50`, `50%` and `12.5%`.
public enum PercentText {
  /// Reads a percentage between 0 and 100 inclusive, or returns `nil`.
  /// - Parameter text: `50`, `50%` or `12.5%`.
  public static func parse(_ text: some StringProtocol) -> Double? {
    var body = Substring(text)
    if body.hasSuffix("%") { body = body.dropLast() }
    guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      body.filter({ $0 == "." }).count <= 1, body.first != ".", body.last != ".",
      let value = Double(body), value >= 0, value <= 100
    else { return nil }
    return value
  }

  /// Prints a percentage with at most one decimal: `50%`, `12.5%`, `33.3%`.
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return value > 0 ? "100%" : "0%" }
    let tenths = (value * 10).rounded()
    if tenths.truncatingRemainder(dividingBy: 10) == 0 { return "\(Int(tenths / 10))%" }
    return "\(Int(tenths) / 10).\(abs(Int(tenths) % 10))%"
  }
}
