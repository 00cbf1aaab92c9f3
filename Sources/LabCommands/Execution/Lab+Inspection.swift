import BreakerCore
import Diagrams
import Simulation

extension Lab {
  /// The breakers named, or all of them; a diagnostic for an unknown name.
  func slots(_ names: [String]) throws(CommandError) -> [BreakerSlot] {
    if names.isEmpty {
      guard !world.slots.isEmpty else {
        throw CommandError("no breakers yet; create one with 'breaker NAME'")
      }
      return world.slots
    }
    var found: [BreakerSlot] = []
    for name in names {
      guard let slot = world.slot(named: name) else {
        let hint = Suggestion.hint(for: name, in: world.slots.map(\.name))
        throw CommandError(
          "no breaker named '\(name)'\(hint.isEmpty ? "; create it with 'breaker \(name)'" : hint)")
      }
      found.append(slot)
    }
    return found
  }

  func view(of slot: BreakerSlot) -> BreakerView {
    BreakerView(
      name: slot.name, breaker: slot.breaker, stats: slot.stats, now: world.now,
      justTaken: justTaken[slot.name])
  }

  func track(of slot: BreakerSlot) -> TimelineTrack {
    TimelineTrack(
      name: slot.name, initialState: slot.transitions.first?.from ?? slot.breaker.state,
      transitions: slot.transitions, marks: activity.marks(of: slot.name))
  }

  func show(_ names: [String]) throws(CommandError) -> [String] {
    let chosen = try slots(names)
    var lines: [String] = []
    for (index, slot) in chosen.enumerated() {
      if index > 0 { lines.append("") }
      lines += StateDiagram.render(view(of: slot), style: style)
    }
    return lines
  }

  func timeline(_ names: [String]) throws(CommandError) -> [String] {
    let chosen = try slots(names)
    let start = chosen.map { $0.breaker.origin }.min() ?? 0
    return Timeline.render(chosen.map(track(of:)), from: start, to: world.now, style: style)
  }

  func window(_ name: String) throws(CommandError) -> [String] {
    let slot = try slots([name])[0]
    return WindowView.render(view(of: slot), style: style)
  }

  func log(_ name: String?) throws(CommandError) -> [String] {
    let chosen = try slots(name.map { [$0] } ?? [])
    var entries: [(Transition, String, Int)] = []
    var dropped = 0
    for (order, slot) in chosen.enumerated() {
      entries += slot.transitions.map { ($0, slot.name, order) }
      dropped += slot.droppedTransitions
    }
    entries.sort { ($0.0.at, $0.2) < ($1.0.at, $1.2) }
    guard !entries.isEmpty else {
      return ["no transitions yet (every breaker is where it started: CLOSED)"]
    }
    var lines = dropped > 0 ? ["(\(dropped) older transitions not kept)"] : []
    lines += entries.map { Narrator.line(breaker: $0.1, $0.0) }
    return lines
  }

  func stats(_ name: String?) throws(CommandError) -> [String] {
    let chosen = try slots(name.map { [$0] } ?? [])
    var rows = [
      [
        "name", "state", "calls", "ok", "failed", "timeouts", "fast-fails", "fallbacks",
        "in-flight", "waited",
      ]
    ]
    for slot in chosen {
      rows.append(row(slot.name, state: stateLabel(slot.breaker), slot.stats))
    }
    if name == nil {
      for (index, service) in world.services.enumerated() where service.breaker == nil {
        rows.append(row(service.name, state: "(none)", world.unprotectedStats[index]))
      }
    }
    var lines = Describe.table(rows)
    if name == nil, let workers = world.workers {
      lines.append(
        "pool: \(world.busyWorkers)/\(workers) workers busy; "
          + "\(world.starvedRequests) requests dropped for want of a worker")
    }
    return lines
  }

  private func row(_ name: String, state: String, _ stats: BreakerStats) -> [String] {
    [
      name, state, "\(stats.calls)", "\(stats.successes)",
      "\(stats.failures)", "\(stats.timeouts)", "\(stats.rejections)", "\(stats.fallbacks)",
      "\(stats.inFlight)", DurationText.format(stats.waitingMillis),
    ]
  }

  func stateLabel(_ breaker: CircuitBreaker) -> String {
    switch breaker.mode {
    case .normal: breaker.state.label
    case .forcedOpen: "FORCED_OPEN"
    case .disabled: "DISABLED"
    case .metricsOnly: "METRICS_ONLY(\(breaker.state.label))"
    }
  }
}
