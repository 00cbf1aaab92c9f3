import BreakerCore
import Simulation

extension Timeline {
  /// The tick row and the label row under the bands.
  static func axis(
    _ scale: TimeScale, indent: String, width: Int, glyphs: Glyphs, color: Bool
  ) -> [String] {
    let room = max(scale.columns, width - indent.count)
    var ticks = Canvas(width: scale.columns, height: 1)
    ticks.horizontal(glyphs.axis, row: 0, cols: 0...(scale.columns - 1), ink: .faint)
    var labels = Canvas(width: room, height: 1)
    var free = 0
    for tick in scale.ticks() {
      ticks.put(glyphs.tick, row: 0, col: tick.column, ink: .faint)
      let text = TimeText.format(tick.time)
      guard tick.column >= free, tick.column + text.count <= room else { continue }
      labels.put(text, row: 0, col: tick.column)
      free = tick.column + text.count + 1
    }
    return [ticks, labels].map { indent + ($0.lines(color: color).first ?? "") }
  }

  /// What the glyphs mean, and how long one column is.
  static func legend(
    _ tracks: [TimelineTrack], scale: TimeScale, width: Int, glyphs: Glyphs, color: Bool
  ) -> [String] {
    let states = BreakerState.allCases.map { state in
      ANSI.paint(String(glyphs.band(state)), Ink(state), enabled: color) + " "
        + state.label.lowercased().split(separator: "_").joined(separator: "-")
    }
    var results: [(CallResult, String)] = [
      (.failure, "failure"), (.timeout, "timeout"), (.rejected, "fast-fail"),
    ]
    if tracks.contains(where: { $0.marks.contains { $0.result == .starved } }) {
      results.append((.starved, "no worker"))
    }
    results.append((.success, "success"))
    let marks = results.map { result, name in
      ANSI.paint(String(glyphs.mark(result)), ink(result), enabled: color) + " " + name
    }
    let column = "1 column = \(DurationText.format(scale.slice))"
    return TextWidth.flow(states + marks + [column], separator: "  ", width: width).map {
      TextWidth.truncate($0, to: width, ellipsis: glyphs.ellipsis)
    }
  }
}
