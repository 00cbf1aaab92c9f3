import BreakerCore
import Simulation

/// One band per breaker over virtual time, aligned across breakers, with each breaker's call
/// marks under its band, a time axis and a legend.
///
/// Each column is one slice of time. The band shows the state during the slice (`_` CLOSED,
/// `#` OPEN, `~` HALF_OPEN in ASCII; `▁ █ ▒` in Unicode); a slice that saw HALF_OPEN shows it,
/// else one that saw OPEN, so a probe or a trip is never hidden by a short slice. The marks row
/// shows the most significant call result in the slice: `x` failure, then `t` timeout, `r`
/// fast-fail (rejected), `s` no free worker, `.` success.
///
/// ```text
/// payments ___________###############~##############~___________________
///          ..........xxrrrrrrrrrrrrrrtrrrrrrrrrrrrrr....................
///          +--------------+--------------+--------------+--------------+
///          0s             30s            1m             1m30s          2m
/// ```
public enum Timeline {
  /// Draws the timeline of several breakers over `from...to`.
  /// - Parameters:
  ///   - tracks: One track per breaker; zero tracks draw only the axis.
  ///   - from: The first instant shown.
  ///   - to: The last instant shown (swapped with `from` when earlier; may equal it).
  ///   - style: Width, character set and colour.
  /// - Returns: Lines of at most `style.width` columns.
  public static func render(
    _ tracks: [TimelineTrack], from: Milliseconds, to: Milliseconds, style: RenderStyle
  ) -> [String] {
    lines(
      tracks, from: from, to: to, width: style.width, unicode: style.unicode, color: style.color)
  }

  /// Draws into any width.
  static func lines(
    _ tracks: [TimelineTrack], from: Milliseconds, to: Milliseconds, width: Int, unicode: Bool,
    color: Bool
  ) -> [String] {
    let glyphs = Glyphs(unicode: unicode)
    let names = tracks.map { glyphs.clean($0.name) }
    let widest = names.map { TextWidth.columns($0) }.max() ?? 0
    let nameWidth = min(max(widest, 4), max(6, width / 4))
    let scale = TimeScale(from: from, to: to, available: max(1, width - nameWidth - 1))
    let indent = String(repeating: " ", count: nameWidth + 1)

    var result: [String] = []
    if tracks.isEmpty { result.append("(no breakers to show)") }
    for (track, name) in zip(tracks, names) {
      let label = TextWidth.pad(glyphs.fit(name, nameWidth), to: nameWidth) + " "
      result.append(label + row(band(track, scale: scale), glyphs: glyphs, color: color))
      let markRow = row(marks(track, scale: scale), glyphs: glyphs, color: color)
      result.append(markRow.isEmpty ? "" : indent + markRow)
    }
    result += axis(scale, indent: indent, width: width, glyphs: glyphs, color: color)
    result += legend(tracks, scale: scale, width: width, glyphs: glyphs, color: color)
    return result.map { TextWidth.truncate($0, to: width, ellipsis: glyphs.ellipsis) }
  }

  /// One cell of a row: a band state or a mark, or nothing.
  enum Cell: Equatable {
    case state(BreakerState)
    case mark(CallResult)
    case empty
  }

  /// The state shown in each column. A lone probe (a column that entered HALF_OPEN once,
  /// with no probe in the columns beside it) always shows, however short; otherwise the
  /// state that filled at least three quarters of the slice wins, so a long stretch of OPEN
  /// with regular probes reads as OPEN; failing that, the most telling state seen
  /// (HALF_OPEN, then OPEN, then CLOSED). Columns before the breaker existed stay empty.
  static func band(_ track: TimelineTrack, scale: TimeScale) -> [Cell] {
    let slices = self.slices(track, scale: scale)
    return slices.indices.map { column in
      guard let slice = slices[column] else { return .empty }
      let neighbours = [column - 1, column + 1].filter(slices.indices.contains)
      let lone = neighbours.allSatisfy { (slices[$0]?.probes ?? 0) == 0 }
      if slice.probes == 1 && lone { return .state(.halfOpen) }
      let total = max(1, slice.time.values.reduce(0, +))
      if let (dominant, share) = slice.time.max(by: { $0.value < $1.value }),
        share * 4 >= total * 3
      {
        return .state(dominant)
      }
      if slice.seen.contains(.halfOpen) { return .state(.halfOpen) }
      return .state(slice.seen.contains(.open) ? .open : .closed)
    }
  }

  /// What happened in one column: time in each state, states seen, probes started.
  struct Slice {
    var time: [BreakerState: Milliseconds] = [:]
    var seen: Set<BreakerState> = []
    var probes = 0
  }

  /// The slices of every column (`nil` before the breaker existed).
  static func slices(_ track: TimelineTrack, scale: TimeScale) -> [Slice?] {
    let transitions = track.transitions.sorted { $0.at < $1.at }
    var next = transitions.startIndex
    var state = track.initialState
    while next < transitions.endIndex, transitions[next].at < scale.from {
      state = transitions[next].to
      next += 1
    }
    return (0..<scale.columns).map { column in
      let begin = scale.start(ofColumn: column)
      let end = column + 1 == scale.columns ? scale.to : scale.start(ofColumn: column + 1) - 1
      if let start = track.start, end < start { return nil }
      var slice = Slice(seen: [state])
      var since = max(begin, track.start ?? begin)
      while next < transitions.endIndex, transitions[next].at <= end {
        slice.time[state, default: 0] += max(0, transitions[next].at - since)
        since = max(since, transitions[next].at)
        state = transitions[next].to
        if state == .halfOpen { slice.probes += 1 }
        slice.seen.insert(state)
        next += 1
      }
      slice.time[state, default: 0] += max(0, end + 1 - since)
      return slice
    }
  }

  /// The most significant mark in each column.
  static func marks(_ track: TimelineTrack, scale: TimeScale) -> [Cell] {
    var best = [CallResult?](repeating: nil, count: scale.columns)
    for mark in track.marks {
      guard let column = scale.column(of: mark.at) else { continue }
      if let current = best[column], rank(current) >= rank(mark.result) { continue }
      best[column] = mark.result
    }
    return best.map { $0.map(Cell.mark) ?? .empty }
  }

  /// How much a result matters when several share a column (higher wins).
  static func rank(_ result: CallResult) -> Int {
    switch result {
    case .failure: 5
    case .timeout: 4
    case .rejected: 3
    case .starved: 2
    case .success: 1
    }
  }

  /// A row of cells as text.
  static func row(_ cells: [Cell], glyphs: Glyphs, color: Bool) -> String {
    var canvas = Canvas(width: cells.count, height: 1)
    for (column, cell) in cells.enumerated() {
      switch cell {
      case .state(let state):
        canvas.put(glyphs.band(state), row: 0, col: column, ink: Ink(state))
      case .mark(let result):
        canvas.put(glyphs.mark(result), row: 0, col: column, ink: ink(result))
      case .empty:
        break
      }
    }
    return canvas.lines(color: color).first ?? ""
  }

  /// The colour of a mark.
  static func ink(_ result: CallResult) -> Ink {
    switch result {
    case .failure: .failure
    case .timeout: .timeout
    case .rejected: .rejection
    case .starved: .faint
    case .success: .success
    }
  }
}
