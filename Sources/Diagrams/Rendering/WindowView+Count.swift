import BreakerCore

extension WindowView {
  /// The count policy: kept failures on a time axis, then listed with their expiry.
  static func countWindow(_ view: BreakerView, width: Int, glyphs: Glyphs, color: Bool)
    -> [String]
  {
    let breaker = view.breaker
    let window = breaker.configuration.window
    let now = view.now
    let failures = breaker.recentFailureTimes
    let windowStart = now - window
    let total = min(width, 80) - 1
    let expiredZone = 9
    let zone = max(10, total - expiredZone - 3)
    let left = 1 + expiredZone
    let right = left + zone + 1
    let rows = 4
    var canvas = Canvas(width: right + 1, height: rows)

    // Caption: expired on the left, the counted span between the bars.
    canvas.put("expired", row: 0, col: 2, ink: .faint)
    let caption = " counted: the last \(DurationText.format(window)) "
    let arrowLeft = String(glyphs.arrowLeft(false))
    let arrowRight = String(glyphs.arrowRight(false))
    canvas.put(glyphs.window.left, row: 0, col: left)
    canvas.put(glyphs.window.right, row: 0, col: right)
    canvas.put(arrowLeft, row: 0, col: left + 1)
    canvas.put(arrowRight, row: 0, col: right - 1)
    canvas.horizontal(glyphs.axis, row: 0, cols: (left + 2)...(right - 2))
    canvas.put(caption, row: 0, col: left + max(1, (zone - caption.count) / 2 + 1))

    // Marks: counted failures inside the window, expired ones to its left.
    canvas.put(glyphs.vertical(false), row: 1, col: left)
    canvas.put(glyphs.vertical(false), row: 1, col: right)
    let perColumn = max(1, window / Int64(zone))
    for time in failures {
      if time > windowStart {
        let column = left + 1 + Int(min(Int64(zone - 1), (time - windowStart - 1) / perColumn))
        canvas.put("x", row: 1, col: column, ink: .failure)
      } else {
        let back = Int(min(Int64(expiredZone - 1), (windowStart - time) / perColumn))
        canvas.put("o", row: 1, col: left - 1 - back, ink: .faint)
      }
    }

    // Axis and its two labels.
    canvas.horizontal(glyphs.axis, row: 2, cols: 1...right, ink: .faint)
    canvas.put(glyphs.cross, row: 2, col: left, ink: .faint)
    canvas.put(glyphs.cross, row: 2, col: right, ink: .faint)
    let startLabel =
      windowStart >= breaker.origin
      ? TimeText.stamp(windowStart) : "\(DurationText.format(window)) ago"
    let endLabel = TimeText.stamp(now) + " (now)"
    canvas.put(startLabel, row: 3, col: max(0, left - startLabel.count / 2))
    canvas.put(endLabel, row: 3, col: max(left + startLabel.count, right + 1 - endLabel.count))
    var lines = canvas.lines(color: color)

    let threshold = breaker.configuration.threshold
    lines.append("kept failures, oldest first (at most \(threshold) are kept):")
    if failures.isEmpty { lines[lines.count - 1] = "no failures kept" }
    let stamps = failures.map { TimeText.stamp($0) }
    let stampWidth = stamps.map(\.count).max() ?? 0
    for (time, stamp) in zip(failures, stamps) {
      let padded = TextWidth.pad(stamp, to: stampWidth)
      let counted = now - time < window
      let text =
        counted
        ? "counted (expires at \(TimeText.stamp(time + window)))"
        : "expired (at \(TimeText.stamp(time + window)))"
      lines.append("  \(padded)  " + ANSI.paint(text, counted ? .failure : .faint, enabled: color))
    }
    lines.append(
      "counted now: \(breaker.failuresInWindow(at: now))/\(threshold) "
        + "failures in the last \(DurationText.format(window))")
    return lines
  }
}
