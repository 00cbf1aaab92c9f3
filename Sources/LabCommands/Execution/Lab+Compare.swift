import BreakerCore
import Diagrams
import Simulation

extension Lab {
  /// Runs the same outage through several presets in a scratch world and draws them side by
  /// side. The learner's own world is not touched.
  func compare(
    _ presets: [String], settings: [Command.Setting]
  ) throws(CommandError) -> [String] {
    var rate = 5.0
    var phases: [(name: String, mode: FaultMode, length: Milliseconds)] = [
      ("healthy", .up, 10_000), ("outage", .down, 30_000), ("recovery", .up, 60_000),
    ]
    for setting in settings {
      if setting.key == "rate" {
        rate = try CommandParser.rate(setting.value)
        continue
      }
      guard let index = phases.firstIndex(where: { $0.name == setting.key }) else {
        let keys = ["rate"] + phases.map(\.name)
        let hint = Suggestion.hint(
          for: setting.key, in: keys, otherwise: "settings: \(keys.joined(separator: ", "))")
        throw CommandError("unknown compare setting '\(setting.key)'\(hint)")
      }
      guard let length = DurationText.parse(setting.value), length <= 86_400_000 else {
        throw CommandError(
          "'\(setting.key)' must be a duration up to 24h, such as 30s; got '\(setting.value)'")
      }
      phases[index].length = length
    }
    let span = phases.reduce(0) { $0 + $1.length }
    let calls = rate * Double(span) / 1000 * Double(presets.count)
    guard calls <= Double(World.callLimit) else {
      throw CommandError(
        "that comparison would simulate about \(Int64(calls)) calls; the limit is "
          + "\(World.callLimit) per command (lower the rate or the phases)")
    }
    var scratch = World(seed: world.seed)
    var narrator = Narrator(trace: nil, stop: interrupted)
    do {
      for preset in presets where scratch.slot(named: preset) == nil {
        try scratch.configureBreaker(preset, settings: [("like", preset)])
        try scratch.configureService(preset, mode: .up, latency: 50)
      }
      let names = presets.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      for phase in phases where phase.length > 0 {
        for name in names { try scratch.configureService(name, mode: phase.mode) }
        _ = try scratch.load(
          names.map { ($0, rate) }, for: phase.length, poisson: false, observer: &narrator)
      }
      let slots = names.compactMap { scratch.slot(named: $0) }
      let views = slots.map {
        BreakerView(name: $0.name, breaker: $0.breaker, stats: $0.stats, now: scratch.now)
      }
      let tracks = slots.map {
        TimelineTrack(
          name: $0.name, initialState: .closed, transitions: $0.transitions,
          marks: narrator.activity.marks(of: $0.name))
      }
      let plan = phases.filter { $0.length > 0 }.map {
        "\($0.name) \(DurationText.format($0.length))"
      }
      var lines = Describe.wrap(
        "compare \(names.joined(separator: ", ")): \(Describe.rate(rate)) calls/s to each, "
          + plan.joined(separator: ", then ") + " (a scratch world; yours is unchanged)",
        width: style.width)
      lines += Comparison.render(
        views: views, tracks: tracks, from: 0, to: scratch.now, style: style)
      return lines
    } catch {
      throw CommandError(error.message)
    }
  }
}
