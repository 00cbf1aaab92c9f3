import BreakerCore
import Simulation

/// The three-state diagram of one breaker: CLOSED, OPEN and HALF_OPEN with the arrows between
/// them, the current state marked, and the numbers that decide the next move.
///
/// The current state's box has a double border (`#`/`=` in ASCII) and pointers around its
/// name; the arrow the breaker just took (``BreakerView/justTaken``) is drawn heavy (`=`/`#`
/// in ASCII) and named under the diagram. Under it come the counters of the policy, the OPEN
/// wait or the HALF_OPEN trials, and the call counts.
///
/// ```swift
/// let lines = StateDiagram.render(view, style: .plain)
/// print(lines.joined(separator: "\n"))
/// ```
///
/// ```text
/// payments  like=lesson  policy=count  t=24s
///
///  +-------------+  failure threshold  #=============#
///  |   CLOSED    |====================>#  > OPEN <   #
///  +-------------+  5 failures in 60s  #=============#
///  ...
/// just now: CLOSED ==> OPEN at t=24s (5 failures within 60s)
/// trial allowed in 30s (at t=54s)
/// calls: 9 = 4 ok, 5 failed
/// ```
public enum StateDiagram {
  /// Which drawing to use.
  public enum Layout: Sendable, Equatable {
    /// The full drawing when it fits the width, else the compact one.
    case automatic
    /// Boxes with a label on every arrow (50 to 76 columns, depending on the labels).
    case full
    /// A narrow drawing with one-word labels (about 24 columns), for side-by-side use.
    case compact
  }

  /// Draws the state diagram of one breaker.
  /// - Parameters:
  ///   - view: The breaker and its time.
  ///   - style: Width, character set and colour.
  ///   - layout: Which drawing to use; the full one falls back to compact when too wide. The
  ///     compact layout also wraps its text to the drawing's 24 columns, for side-by-side use.
  /// - Returns: Lines of at most `style.width` columns.
  public static func render(
    _ view: BreakerView, style: RenderStyle, layout: Layout = .automatic
  ) -> [String] {
    lines(
      view, width: style.width, unicode: style.unicode, color: style.color, layout: layout,
      textWidth: layout == .compact ? compactWidth : nil)
  }

  /// The width of the compact drawing, and of its text when asked for explicitly.
  static let compactWidth = 24

  /// Draws the diagram into any width (even one narrower than ``RenderStyle`` allows), as
  /// side-by-side layouts need.
  /// - Parameters:
  ///   - header: Whether to start with the name, preset and time (a manual mode is always
  ///     shown).
  ///   - textWidth: Where to wrap the sentences under the drawing; the whole width when `nil`.
  static func lines(
    _ view: BreakerView, width: Int, unicode: Bool, color: Bool, layout: Layout,
    header showHeader: Bool = true, textWidth: Int? = nil
  ) -> [String] {
    let glyphs = Glyphs(unicode: unicode)
    let edge = view.justTaken.flatMap { Edge(from: $0.from, to: $0.to) }
    let labels = EdgeLabels(view.breaker.configuration)
    let state = view.breaker.state
    let drawing: [String]
    switch layout {
    case .full:
      drawing = full(state, labels: labels, edge: edge, glyphs: glyphs, color: color)
    case .compact:
      drawing = compact(state, edge: edge, glyphs: glyphs, color: color)
    case .automatic:
      let wide = full(state, labels: labels, edge: edge, glyphs: glyphs, color: color)
      drawing =
        wide.allSatisfy({ TextWidth.columns($0) <= width })
        ? wide : compact(state, edge: edge, glyphs: glyphs, color: color)
    }
    let textWidth = max(1, min(width, textWidth ?? width))
    var result: [String] = []
    if showHeader {
      result += header(view, width: textWidth, glyphs: glyphs)
    }
    if let banner = modeBanner(view.breaker.mode) {
      result += wrapped(banner, width: textWidth, ink: .highlight, color: color)
    }
    if !result.isEmpty { result.append("") }
    result += drawing
    result.append("")
    if let transition = view.justTaken {
      let text = justTakenText(transition, glyphs: glyphs)
      result += wrapped(text, width: textWidth, ink: .highlight, color: color)
    }
    for line in counterLines(view) {
      result += wrapped(line, width: textWidth, ink: nil, color: color)
    }
    result += wrapped(statsLine(view.stats), width: textWidth, ink: .faint, color: color)
    return result.map { TextWidth.truncate($0, to: width, ellipsis: glyphs.ellipsis) }
  }

  /// The header: name, preset, policy and time.
  static func header(_ view: BreakerView, width: Int, glyphs: Glyphs) -> [String] {
    let config = view.breaker.configuration
    let time = TimeText.stamp(view.now)
    let name = glyphs.clean(view.name)
    let full =
      "\(name)  like=\(glyphs.clean(config.preset))  policy=\(config.policy.rawValue)  \(time)"
    guard TextWidth.columns(full) > width else { return [full] }
    // Narrow: always three lines, so that headers side by side stay level.
    let nameWidth = max(1, width - TextWidth.columns(time) - 2)
    return [
      "\(glyphs.fit(name, nameWidth))  \(time)",
      glyphs.fit("like=\(glyphs.clean(config.preset))", width),
      "policy=\(config.policy.rawValue)",
    ]
  }

  /// Plain text wrapped to `width`, each line painted with `ink`.
  static func wrapped(_ text: String, width: Int, ink: Ink?, color: Bool) -> [String] {
    TextWidth.wrap(text, width: width).map { ANSI.paint($0, ink, enabled: color) }
  }

  /// One of the four arrows of the diagram.
  enum Edge: Sendable, Equatable {
    /// CLOSED to OPEN: the failure threshold.
    case trip
    /// OPEN to HALF_OPEN: the wait is over.
    case wait
    /// HALF_OPEN to CLOSED: the trials succeeded.
    case success
    /// HALF_OPEN to OPEN: a trial failed.
    case failure

    /// The arrow between two states, if the diagram has one (a manual change may have none).
    init?(from: BreakerState, to: BreakerState) {
      switch (from, to) {
      case (.closed, .open): self = .trip
      case (.open, .halfOpen): self = .wait
      case (.halfOpen, .closed): self = .success
      case (.halfOpen, .open): self = .failure
      default: return nil
      }
    }
  }
}
