import BreakerCore

extension WindowView {
  /// The rate policy over time: each bucket with its calls and failures, then the totals.
  static func buckets(_ view: BreakerView, width: Int, glyphs: Glyphs, color: Bool) -> [String] {
    let breaker = view.breaker
    let config = breaker.configuration
    let buckets = breaker.rateBuckets(at: view.now)
    let clock = config.bucketClock == .lazy ? ", each started by its first call" : ""
    var lines = TextWidth.wrap(
      "the last \(DurationText.format(config.rolling)) in \(config.buckets) buckets of "
        + "\(DurationText.format(config.bucketLength))\(clock), oldest first:", width: width)

    let starts = buckets.map { $0.start.map(TimeText.stamp) ?? "-" }
    let startWidth = max(4, starts.map(\.count).max() ?? 0)
    let callsWidth = max(5, String(buckets.map(\.calls).max() ?? 0).count)
    let failedWidth = max(6, String(buckets.map(\.failures).max() ?? 0).count)
    let prefix = 2 + startWidth + 2 + callsWidth + 2 + failedWidth + 2
    let barRoom = max(4, min(40, width - prefix))
    let biggest = buckets.map { max($0.calls, $0.failures) }.max() ?? 0

    lines.append(
      "  (bars: \(glyphs.barFailure) failed, \(glyphs.barOther) other calls)")
    lines.append(
      "  " + TextWidth.pad("from", to: startWidth) + "  " + leftPad("calls", callsWidth) + "  "
        + leftPad("failed", failedWidth))
    for (bucket, start) in zip(buckets, starts) {
      let bar = self.bar(bucket, biggest: biggest, room: barRoom, glyphs: glyphs, color: color)
      let row =
        "  " + TextWidth.pad(start, to: startWidth) + "  "
        + leftPad(String(bucket.calls), callsWidth) + "  "
        + leftPad(String(bucket.failures), failedWidth)
      lines.append(bar.isEmpty ? row : row + "  " + bar)
    }
    if buckets.isEmpty { lines.append("  (no buckets yet)") }
    let (calls, failures) = breaker.rateTotals(at: view.now)
    lines.append(
      "  " + TextWidth.pad("total", to: startWidth) + "  " + leftPad(String(calls), callsWidth)
        + "  " + leftPad(String(failures), failedWidth))
    if biggest > barRoom {
      lines.append("  (bars scaled: one cell is about \((biggest + barRoom - 1) / barRoom) calls)")
    }
    lines += TextWidth.wrap(StateDiagram.rateCounter(breaker, now: view.now), width: width)
    return lines
  }

  /// A bar of `█`/`x` for failures then `░`/`=` for the other calls, scaled to `room`.
  static func bar(
    _ bucket: WindowBucket, biggest: Int, room: Int, glyphs: Glyphs, color: Bool
  ) -> String {
    let total = max(bucket.calls, bucket.failures)
    guard total > 0, biggest > 0 else { return "" }
    // Small counts get up to four cells each; large ones are scaled down to fit.
    let cells = biggest <= room ? max(1, min(4, room / biggest)) : 0
    func scaled(_ value: Int) -> Int {
      guard value > 0 else { return 0 }
      return cells > 0 ? value * cells : max(1, (value * room + biggest - 1) / biggest)
    }
    let length = scaled(total)
    let failed = min(length, scaled(bucket.failures))
    return ANSI.paint(
      String(repeating: glyphs.barFailure, count: failed), .failure, enabled: color)
      + ANSI.paint(
        String(repeating: glyphs.barOther, count: length - failed), .success, enabled: color)
  }

  /// Right-aligns `text` in `width` columns.
  static func leftPad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}
