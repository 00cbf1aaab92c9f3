import BreakerCore
import Diagrams
import Testing

@Suite("state diagram")
struct StateDiagramTests {
  static let states: [BreakerState] = [.closed, .open, .halfOpen]

  @Test(
    "each state of each policy, ASCII and Unicode",
    arguments: Scenarios.Policy.allCases, [false, true])
  func eachState(policy: Scenarios.Policy, unicode: Bool) {
    for state in Self.states {
      let view = Scenarios.driver(policy, in: state).view()
      #expect(view.breaker.state == state)
      let style = RenderStyle(width: 80, unicode: unicode)
      assertSnapshot(
        StateDiagram.render(view, style: style),
        named: "state-\(policy.rawValue)-\(state.rawValue)-\(unicode ? "unicode" : "ascii")")
    }
  }

  @Test("the arrow just taken is drawn heavy and named", arguments: [false, true])
  func justTaken(unicode: Bool) {
    var tripped = Driver("payments", .lesson)
    Scenarios.tripLesson(&tripped)
    var probing = tripped
    guard let trial = probing.start(at: 60_000) else {
      Issue.record("the trial was rejected")
      return
    }
    var recovered = probing
    recovered.finish(trial, .success, at: 60_200)
    var reopened = probing
    reopened.finish(trial, .failure, at: 60_200)
    let style = RenderStyle(width: 80, unicode: unicode)
    let views = [
      ("trip", tripped), ("wait", probing), ("success", recovered), ("failure", reopened),
    ]
    for (edge, driver) in views {
      let view = driver.view(justTaken: true)
      #expect(view.justTaken != nil)
      assertSnapshot(
        StateDiagram.render(view, style: style),
        named: "just-taken-\(edge)-\(unicode ? "unicode" : "ascii")")
    }
  }

  @Test("manual modes are named under the header", arguments: BreakerMode.allCases)
  func manualModes(mode: BreakerMode) {
    guard mode != .normal else { return }
    var driver = Scenarios.lesson(in: .closed)
    driver.breaker.setMode(mode)
    let lines = StateDiagram.render(driver.view(), style: .plain)
    #expect(lines[1].hasPrefix("mode: "))
    assertSnapshot(lines, named: "manual-\(mode.rawValue)")
  }

  @Test("a narrow width falls back to the compact drawing", arguments: [false, true])
  func compact(unicode: Bool) {
    let view = Scenarios.driver(.rate, in: .open).view()
    let style = RenderStyle(width: 40, unicode: unicode)
    let lines = StateDiagram.render(view, style: style)
    #expect(lines.allSatisfy { TextWidth.columns($0) <= 40 })
    assertSnapshot(lines, named: "compact-rate-open-\(unicode ? "unicode" : "ascii")")
  }

  @Test("other presets' counters: Hystrix's minimum and check interval")
  func hystrix() {
    let view = Scenarios.hystrixClosed().view()
    let lines = StateDiagram.render(view, style: .plain)
    assertSnapshot(lines, named: "state-hystrix-closed-ascii")
  }

  @Test("the current state is marked by characters, not only colour")
  func currentMarked() {
    for state in Self.states {
      let view = Scenarios.lesson(in: state).view()
      let lines = StateDiagram.render(view, style: .plain)
      #expect(lines.contains { $0.contains("> \(state.label) <") })
    }
  }
}
