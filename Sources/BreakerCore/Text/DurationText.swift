/// Virtual time, in whole milliseconds.
public typealias Milliseconds = Int64

/// Parses and prints durations such as `250ms`, `30s`, `2m`, `1h`, `1m30s`, `2d` and `10y`
/// (a year is 365 days).
///
/// Every duration in the lab is a whole number of milliseconds. Parsing rejects anything that
/// would overflow, so a value read from a script can always be added to a clock reading safely
/// (see ``maximum``).
///
/// ```swift
/// DurationText.parse("1m30s")   // 90_000
/// DurationText.format(90_000)   // "1m30s"
/// ```
public enum DurationText {
  /// The largest duration accepted: about 3 million years (`3000000y`), so that advancing a
  /// quiet world by ten thousand years works, while two of them still add without overflow.
  public static let maximum: Milliseconds = 100_000_000_000_000_000

  /// The units, longest suffix first so that `ms` is not read as `m` followed by `s`.
  private static let units: [(suffix: String, millis: Int64)] = [
    ("ms", 1), ("y", 31_536_000_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000),
    ("s", 1000),
  ]

  /// Reads a duration, or returns `nil` when the text is not one.
  ///
  /// A bare number without a unit is not a duration (`30` is ambiguous); a unit may appear once
  /// and units must go from larger to smaller (`1h30m`, not `30m1h`).
  /// - Parameter text: The text, for example `1m30s`.
  /// - Returns: The duration in milliseconds, or `nil`.
  public static func parse(_ text: some StringProtocol) -> Milliseconds? {
    var rest = Substring(text)
    guard !rest.isEmpty else { return nil }
    var total: Int64 = 0
    var lastUnit = Int64.max
    while !rest.isEmpty {
      let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
      guard !digits.isEmpty, digits.count <= 18, let value = Int64(digits) else { return nil }
      rest = rest.dropFirst(digits.count)
      guard let unit = units.first(where: { rest.hasPrefix($0.suffix) }) else { return nil }
      guard unit.millis < lastUnit else { return nil }
      lastUnit = unit.millis
      rest = rest.dropFirst(unit.suffix.count)
      let (product, overflow) = value.multipliedReportingOverflow(by: unit.millis)
      guard !overflow else { return nil }
      let (sum, overflow2) = total.addingReportingOverflow(product)
      guard !overflow2, sum <= maximum else { return nil }
      total = sum
    }
    return total
  }

  /// Prints a duration exactly: `0ms`, `250ms`, `1s500ms`, `60s`, `1m30s`, `2h`.
  /// - Parameter millis: A duration in milliseconds; negative values get a leading `-`.
  public static func format(_ millis: Milliseconds) -> String {
    if millis == 0 { return "0ms" }
    if millis < 0 { return "-" + format(millis == .min ? .max : -millis) }
    var rest = millis
    var text = ""
    // Days, hours and minutes lead only above one whole unit, so a minute reads as `60s` and
    // an hour as `60m`, the way people write them in configurations; after a larger unit they
    // are used as usual (`1h1m`, not `1h60s`).
    for unit in units.dropFirst() + [units[0]]
    where rest > unit.millis || (rest == unit.millis && (unit.millis <= 1000 || !text.isEmpty)) {
      let count = rest / unit.millis
      rest -= count * unit.millis
      text += "\(count)\(unit.suffix)"
    }
    return text
  }
}
