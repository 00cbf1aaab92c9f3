import BreakerCore
import Simulation

/// The monitoring window of one breaker: which failures or calls still count toward a trip.
///
/// - Count policy: a time axis of the last `window` with the kept failures placed on it
///   (`x` counted, `o` expired), then each kept failure with when it expires.
/// - Rate policy over time: the buckets oldest to newest, with calls and failures as small
///   bars, then the totals against the threshold.
/// - Rate policy over the last N calls: the calls as a row of `.` and `x`.
/// - Consecutive policy: the current run of failures.
///
/// ```text
/// payments  window  like=lesson  t=1m5s
///   expired |<------------- counted: the last 60s ------------->|
///       o   |   x         x                     x               |
///  ---------+---------------------------------------------------+
///         t=5s                                       t=1m5s (now)
/// kept failures, oldest first (at most 5 are kept):
///   t=2s   expired (at t=1m2s)
///   t=10s  counted (expires at t=1m10s)
/// ```
public enum WindowView {
  /// Draws the monitoring window of one breaker.
  /// - Parameters:
  ///   - view: The breaker and its time.
  ///   - style: Width, character set and colour.
  /// - Returns: Lines of at most `style.width` columns.
  public static func render(_ view: BreakerView, style: RenderStyle) -> [String] {
    let glyphs = Glyphs(unicode: style.unicode)
    let width = style.width
    let config = view.breaker.configuration
    var result = [
      glyphs.fit(
        "\(glyphs.clean(view.name))  window  like=\(glyphs.clean(config.preset))  "
          + TimeText.stamp(view.now), width)
    ]
    switch config.policy {
    case .count:
      result += countWindow(view, width: width, glyphs: glyphs, color: style.color)
    case .rate where config.lastCalls != nil:
      result += lastCalls(view, width: width, glyphs: glyphs, color: style.color)
    case .rate:
      result += buckets(view, width: width, glyphs: glyphs, color: style.color)
    case .consecutive:
      result += consecutive(view, glyphs: glyphs, color: style.color)
    }
    if view.breaker.state != .closed {
      let state = view.breaker.state.label
      result += TextWidth.wrap(
        "(the window decides only while CLOSED; the breaker is \(state) now)", width: width)
    }
    return result.map { TextWidth.truncate($0, to: width, ellipsis: glyphs.ellipsis) }
  }

  /// The consecutive policy's run of failures, one slot per failure up to the threshold.
  static func consecutive(_ view: BreakerView, glyphs: Glyphs, color: Bool) -> [String] {
    let breaker = view.breaker
    let threshold = breaker.configuration.threshold
    let run = breaker.consecutiveFailures
    let shown = min(run, 60)
    let filled = ANSI.paint(String(repeating: "x", count: shown), .failure, enabled: color)
    let empty = String(repeating: ".", count: max(0, min(threshold, 60) - shown))
    return [
      "consecutive failures: \(run)/\(threshold) (a success starts the run again)",
      "  [" + filled + empty + "]",
    ]
  }

  /// The last N calls as `.` (ok) and `x` (failed), oldest first, wrapped to the width.
  static func lastCalls(_ view: BreakerView, width: Int, glyphs: Glyphs, color: Bool)
    -> [String]
  {
    let breaker = view.breaker
    let last = breaker.configuration.lastCalls ?? 0
    let calls = breaker.rateBuckets(at: view.now)
    var lines = [
      "the last \(last) calls, oldest first (x failed, \(glyphs.mark(.success)) ok): "
        + "\(calls.count) so far"
    ]
    // Groups of ten calls, as many groups a row as fit.
    let groups = max(1, min(5, (width - 2) / 11))
    let rowWidth = groups * 10
    var start = 0
    while start < calls.count {
      let chunk = Array(calls[start..<min(calls.count, start + rowWidth)])
      var canvas = Canvas(width: chunk.count + chunk.count / 10, height: 1)
      for (offset, call) in chunk.enumerated() {
        let failed = call.failures > 0
        canvas.put(
          failed ? "x" : glyphs.mark(.success), row: 0, col: offset + offset / 10,
          ink: failed ? .failure : .success)
      }
      lines.append("  " + (canvas.lines(color: color).first ?? ""))
      start += rowWidth
    }
    if calls.isEmpty { lines.append("  (no calls yet)") }
    lines += TextWidth.wrap(StateDiagram.rateCounter(breaker, now: view.now), width: width)
    return lines
  }
}
