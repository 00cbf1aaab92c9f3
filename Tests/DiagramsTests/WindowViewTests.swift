import BreakerCore
import Diagrams
import Testing

@Suite("window view")
struct WindowViewTests {
  @Test("count policy: counted and expired failures", arguments: [false, true])
  func count(unicode: Bool) {
    let view = Scenarios.lesson(in: .closed).view()
    let lines = WindowView.render(view, style: RenderStyle(width: 80, unicode: unicode))
    #expect(lines.contains { $0.contains("t=2s") && $0.contains("expired") })
    #expect(lines.contains { $0.contains("t=10s") && $0.contains("expires at t=1m10s") })
    assertSnapshot(lines, named: "window-count-\(unicode ? "unicode" : "ascii")")
  }

  @Test("rate policy: buckets oldest to newest", arguments: [false, true])
  func buckets(unicode: Bool) {
    let view = Scenarios.hystrixClosed().view()
    let lines = WindowView.render(view, style: RenderStyle(width: 80, unicode: unicode))
    assertSnapshot(lines, named: "window-rate-\(unicode ? "unicode" : "ascii")")
  }

  @Test("rate policy over the last N calls")
  func lastCalls() {
    let view = Scenarios.resilience4jClosed().view()
    assertSnapshot(WindowView.render(view, style: .plain), named: "window-last-calls")
  }

  @Test("consecutive policy, and a window seen while OPEN")
  func others() {
    var lines = WindowView.render(Scenarios.pybreaker(in: .closed).view(), style: .plain)
    lines.append("")
    lines += WindowView.render(Scenarios.lesson(in: .open).view(), style: .plain)
    lines.append("")
    lines += WindowView.render(Scenarios.opossum(in: .open).view(), style: .plain)
    assertSnapshot(lines, named: "window-consecutive-and-open")
  }
}
