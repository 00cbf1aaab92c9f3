import BreakerCore
import Diagrams
import Simulation
import Testing

/// Properties every diagram keeps, over every width the lab allows.
@Suite("diagram properties")
struct PropertyTests {
  /// Breakers in every state, with awkward names among them.
  static let views: [BreakerView] = {
    var views = Scenarios.Policy.allCases.flatMap { policy in
      [BreakerState.closed, .open, .halfOpen].map { Scenarios.driver(policy, in: $0).view() }
    }
    views.append(Scenarios.hystrixClosed().view())
    views.append(Scenarios.resilience4jClosed().view())
    var tripped = Driver("支付服务-payments", .lesson)
    Scenarios.tripLesson(&tripped)
    views.append(tripped.view(justTaken: true))
    var odd = Scenarios.pybreaker(in: .closed)
    odd.breaker.setMode(.forcedOpen)
    views.append(
      BreakerView(
        name: "💳 café\u{1B}[31m-" + String(repeating: "very-long-name-", count: 12),
        breaker: odd.breaker, stats: odd.stats, now: odd.now))
    return views
  }()

  static let tracks: [TimelineTrack] =
    [Preset.lesson, .opossum, .resilience4j].map {
      Scenarios.outageDriver($0.rawValue, $0).track
    } + [
      TimelineTrack(
        name: "ünïcödé-名前-" + String(repeating: "x", count: 80), initialState: .open,
        transitions: [], marks: [CallMark(at: 0, result: .starved)])
    ]

  /// Everything the module draws, in one style.
  static func everything(_ style: RenderStyle) -> [[String]] {
    var all = views.map { StateDiagram.render($0, style: style) }
    all += views.map { StateDiagram.render($0, style: style, layout: .compact) }
    all += views.map { StateDiagram.render($0, style: style, layout: .full) }
    all += views.map { WindowView.render($0, style: style) }
    all.append(Timeline.render(tracks, from: 0, to: 120_000, style: style))
    all.append(Timeline.render(tracks, from: 5_000, to: 5_000, style: style))
    all.append(Timeline.render(tracks, from: 0, to: DurationText.maximum, style: style))
    all.append(Timeline.render(tracks, from: .min, to: .max, style: style))
    all.append(Timeline.render(tracks, from: 120_000, to: -3_000, style: style))
    all.append(Timeline.render([], from: 0, to: 1, style: style))
    all.append(SideBySide.render(all.prefix(4).map { $0 }, titles: ["a", "b"], style: style))
    all.append(
      Comparison.render(
        views: Array(views.prefix(3)), tracks: Array(tracks.prefix(3)), from: 0, to: 120_000,
        style: style))
    all.append(Comparison.render(views: [], tracks: [], from: 0, to: 0, style: style))
    return all
  }

  @Test("every line fits the width, for widths 40...200", arguments: [false, true])
  func widths(unicode: Bool) {
    for width in 40...200 {
      for color in [false, true] {
        let style = RenderStyle(width: width, unicode: unicode, color: color)
        for lines in Self.everything(style) {
          for line in lines where TextWidth.columns(line) > width {
            Issue.record("\(TextWidth.columns(line)) columns at width \(width): \(line)")
          }
        }
      }
    }
  }

  @Test("ASCII mode emits only ASCII", arguments: [40, 57, 80, 123, 200])
  func asciiOnly(width: Int) {
    for color in [false, true] {
      let style = RenderStyle(width: width, unicode: false, color: color)
      for line in Self.everything(style).joined() where !line.utf8.allSatisfy({ $0 < 0x80 }) {
        Issue.record("non-ASCII at width \(width): \(line)")
      }
    }
  }

  @Test("stripping the colour gives the plain drawing", arguments: [40, 64, 80, 131, 200])
  func colourIsDecoration(width: Int) {
    for unicode in [false, true] {
      let plain = Self.everything(RenderStyle(width: width, unicode: unicode, color: false))
      let coloured = Self.everything(RenderStyle(width: width, unicode: unicode, color: true))
      #expect(coloured.joined().contains { $0.contains("\u{1B}[") })
      #expect(coloured.map { $0.map(ANSI.strip) } == plain)
      #expect(plain.joined().allSatisfy { !$0.contains("\u{1B}") })
    }
  }

  @Test("the same input draws the same text")
  func deterministic() {
    let style = RenderStyle(width: 100, unicode: true, color: true)
    #expect(Self.everything(style) == Self.everything(style))
  }
}
