import BreakerCore
import Diagrams
import Testing

@Suite("side by side and comparison")
struct SideBySideTests {
  static func presetDrivers() -> [Driver] {
    [Preset.lesson, .opossum, .resilience4j].map {
      var driver = Driver($0.rawValue, $0)
      driver.traffic(every: 500, from: 0, through: 60_000, Scenarios.outage)
      return driver
    }
  }

  @Test("compact diagrams side by side at 80 columns, full ones at 160", arguments: [80, 160])
  func diagrams(width: Int) {
    let style = RenderStyle(width: width, unicode: false)
    let layout: StateDiagram.Layout = width < 160 ? .compact : .full
    let views = Self.presetDrivers().map { $0.view() }
    let blocks = views.map { StateDiagram.render($0, style: style, layout: layout) }
    let lines = SideBySide.render(blocks, titles: views.map(\.name), style: style)
    #expect(lines.allSatisfy { TextWidth.columns($0) <= width })
    assertSnapshot(lines, named: "side-by-side-\(width)")
  }

  @Test("blocks too wide for one row are stacked")
  func stacked() {
    let style = RenderStyle.plain
    let views = Self.presetDrivers().prefix(2).map { $0.view() }
    let blocks = views.map { StateDiagram.render($0, style: style, layout: .full) }
    let lines = SideBySide.render(blocks, titles: views.map(\.name), style: style)
    #expect(lines.count > blocks[0].count + blocks[1].count)
    #expect(lines.first == "lesson")
  }

  @Test("three presets fed the same traffic", arguments: [80, 160])
  func comparison(width: Int) {
    let drivers = Self.presetDrivers()
    let lines = Comparison.render(
      views: drivers.map { $0.view() }, tracks: drivers.map(\.track), from: 0, to: 60_000,
      style: RenderStyle(width: width, unicode: false))
    assertSnapshot(lines, named: "comparison-\(width)")
  }

  @Test("a Unicode comparison at 200 columns uses the full diagrams")
  func unicodeComparison() {
    let drivers = Self.presetDrivers()
    let lines = Comparison.render(
      views: drivers.map { $0.view() }, tracks: drivers.map(\.track), from: 0, to: 60_000,
      style: RenderStyle(width: 240, unicode: true))
    #expect(lines.contains { $0.contains("failure threshold") })
    assertSnapshot(lines, named: "comparison-unicode-240")
  }
}
