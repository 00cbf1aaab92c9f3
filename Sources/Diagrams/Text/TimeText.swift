import BreakerCore

/// Prints instants of virtual time the way the diagrams label them: `0s`, `45s`, `1m`,
/// `1m30s`, `2h`, `1s250ms`, `10y` (a year is 365 days, as in the lab's durations).
///
/// Unlike ``DurationText/format(_:)`` (which prints configured durations as people write them,
/// `60s`), an instant uses the largest unit that divides into it, so a time axis reads
/// `0s 30s 1m 1m30s 2m`.
enum TimeText {
  private static let units: [(suffix: String, millis: Milliseconds)] = [
    ("y", 31_536_000_000), ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000),
    ("ms", 1),
  ]

  /// The instant as text, for example `1m12s`.
  /// - Parameter time: Milliseconds of virtual time (negative values get a leading `-`).
  static func format(_ time: Milliseconds) -> String {
    if time == 0 { return "0s" }
    if time < 0 { return "-" + format(time == .min ? .max : -time) }
    var rest = time
    var text = ""
    for unit in units where rest >= unit.millis {
      text += "\(rest / unit.millis)\(unit.suffix)"
      rest %= unit.millis
    }
    return text
  }

  /// `t=` followed by the instant, for example `t=1m12s`.
  static func stamp(_ time: Milliseconds) -> String {
    "t=" + format(time)
  }
}
