import BreakerCore
import Simulation

/// Several breakers fed the same traffic: their state diagrams side by side, a table of what
/// each one did, and one aligned timeline, so that their differences show.
///
/// The full diagrams are used when they all fit side by side, else the compact ones (which
/// wrap onto more rows if even they do not fit).
public enum Comparison {
  /// Draws a comparison of several breakers.
  /// - Parameters:
  ///   - views: The breakers at the same moment, in display order.
  ///   - tracks: Their histories for the timeline (usually one per view, same order).
  ///   - from: The first instant of the timeline.
  ///   - to: The last instant of the timeline.
  ///   - style: Width, character set and colour.
  /// - Returns: Lines of at most `style.width` columns.
  public static func render(
    views: [BreakerView], tracks: [TimelineTrack], from: Milliseconds, to: Milliseconds,
    style: RenderStyle
  ) -> [String] {
    let glyphs = Glyphs(unicode: style.unicode)
    let width = style.width
    let names = views.map { glyphs.clean($0.name) }
    let now = views.map(\.now).max().map { " at " + TimeText.stamp($0) } ?? ""
    var result = TextWidth.wrap(
      "same traffic, \(views.count) breaker\(views.count == 1 ? "" : "s")\(now)"
        + (names.isEmpty ? "" : ": " + names.joined(separator: ", ")), width: width)
    result.append("")

    if !views.isEmpty {
      result += diagrams(views, titles: names, style: style)
      result.append("")
      result += table(views, tracks: tracks, width: width, glyphs: glyphs)
      result.append("")
    }
    result += Timeline.lines(
      tracks, from: from, to: to, width: width, unicode: style.unicode, color: style.color)
    return result.map { TextWidth.truncate($0, to: width, ellipsis: glyphs.ellipsis) }
  }

  /// The state diagrams without their headers, titled by name: full ones when they all fit in
  /// one row, else compact ones.
  static func diagrams(_ views: [BreakerView], titles: [String], style: RenderStyle)
    -> [String]
  {
    func blocks(_ layout: StateDiagram.Layout, textWidth: Int) -> [[String]] {
      views.map {
        StateDiagram.lines(
          $0, width: style.width, unicode: style.unicode, color: style.color, layout: layout,
          header: false, textWidth: textWidth)
      }
    }
    let full = blocks(.full, textWidth: 60)
    let separator = 3
    let fullWidth =
      full.map { block in block.map { TextWidth.columns($0) }.max() ?? 0 }.reduce(0, +)
      + separator * (views.count - 1)
    let chosen =
      fullWidth <= style.width ? full : blocks(.compact, textWidth: StateDiagram.compactWidth)
    return SideBySide.lines(chosen, titles: titles, width: style.width, unicode: style.unicode)
  }

  /// One row per breaker: preset, state, and what its callers saw (without the preset
  /// column when that would not fit).
  static func table(
    _ views: [BreakerView], tracks: [TimelineTrack], width: Int, glyphs: Glyphs
  ) -> [String] {
    let header = ["breaker", "like", "state", "calls", "ok", "failed", "fast-failed", "opened"]
    var rows = [header]
    for view in views {
      let stats = view.stats
      let track = tracks.first { $0.name == view.name }
      let openings = track.map { $0.transitions.filter { $0.to == .open }.count }
      rows.append([
        glyphs.fit(glyphs.clean(view.name), 16),
        glyphs.fit(glyphs.clean(view.breaker.configuration.preset), 16),
        view.breaker.state.label, String(stats.calls), String(stats.successes),
        String(stats.failures + stats.timeouts), String(stats.rejections),
        openings.map { String($0) } ?? "-",
      ])
    }
    let lines = layOut(rows)
    guard lines.contains(where: { TextWidth.columns($0) > width }) else { return lines }
    return layOut(rows.map { row in row.enumerated().filter { $0.offset != 1 }.map(\.element) })
  }

  /// Aligns table rows: the first three columns to the left, numbers to the right.
  private static func layOut(_ rows: [[String]]) -> [String] {
    let widths = (rows.first ?? []).indices.map { column in
      rows.map { TextWidth.columns($0[column]) }.max() ?? 0
    }
    let textColumns = widths.count - 5
    return rows.map { row in
      let cells = row.indices.map { column in
        column < textColumns
          ? TextWidth.pad(row[column], to: widths[column])
          : WindowView.leftPad(row[column], widths[column])
      }
      return SideBySide.trimmed(cells.joined(separator: "  "))
    }
  }
}
