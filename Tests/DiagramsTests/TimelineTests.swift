import BreakerCore
import Diagrams
import Simulation
import Testing

@Suite("timeline")
struct TimelineTests {
  @Test("one breaker: outage, trip, probes, recovery", arguments: [false, true])
  func outage(unicode: Bool) {
    let driver = Scenarios.outageDriver("payments", .lesson)
    let lines = Timeline.render(
      [driver.track], from: 0, to: 120_000, style: RenderStyle(width: 80, unicode: unicode))
    assertSnapshot(lines, named: "timeline-outage-\(unicode ? "unicode" : "ascii")")
  }

  @Test("three presets fed the same traffic line up", arguments: [80, 120])
  func presets(width: Int) {
    let tracks = [Preset.lesson, .opossum, .resilience4j].map {
      Scenarios.outageDriver($0.rawValue, $0).track
    }
    let lines = Timeline.render(
      tracks, from: 0, to: 120_000, style: RenderStyle(width: width, unicode: false))
    assertSnapshot(lines, named: "timeline-presets-\(width)")
  }

  @Test("an instant, a huge span, a crowded column and no breakers")
  func edgeCases() {
    let driver = Scenarios.outageDriver("payments", .lesson)
    var lines = Timeline.render([driver.track], from: 30_000, to: 30_000, style: .plain)
    lines.append("")
    let century: Milliseconds = 100 * 365 * 86_400_000
    lines += Timeline.render([driver.track], from: 0, to: century, style: .plain)
    lines.append("")
    let crowded = TimelineTrack(
      name: "crowded", initialState: .closed, transitions: [],
      marks: (0..<1_000).map { index in
        CallMark(at: 5_000, result: [.success, .rejected, .timeout, .failure][index % 4])
      } + [CallMark(at: 9_000, result: .starved), CallMark(at: 9_000, result: .success)])
    lines += Timeline.render([crowded], from: 0, to: 10_000, style: .plain)
    lines.append("")
    lines += Timeline.render([], from: 0, to: 60_000, style: .plain)
    assertSnapshot(lines, named: "timeline-edge-cases")
  }

  @Test("a failure outranks everything else in its column")
  func markPriority() {
    let track = TimelineTrack(
      name: "x", initialState: .closed, transitions: [],
      marks: [
        CallMark(at: 0, result: .success), CallMark(at: 0, result: .rejected),
        CallMark(at: 0, result: .failure), CallMark(at: 0, result: .timeout),
      ])
    let lines = Timeline.render([track], from: 0, to: 0, style: .plain)
    #expect(lines[1].trimmingPrefix(while: { $0 == " " }) == "x")
  }

  @Test("a probe shorter than a column still shows as half-open")
  func shortProbe() {
    let track = TimelineTrack(
      name: "probe", initialState: .closed,
      transitions: [
        Transition(from: .closed, to: .open, at: 10_000, reason: .consecutiveFailures(count: 5)),
        Transition(from: .open, to: .halfOpen, at: 40_000, reason: .waitElapsed(30_000)),
        Transition(from: .halfOpen, to: .closed, at: 40_010, reason: .trialsSucceeded(count: 1)),
      ], marks: [])
    let band = Timeline.render([track], from: 0, to: 60_000, style: .plain)[0]
    #expect(band.contains("#~_"))
  }
}
