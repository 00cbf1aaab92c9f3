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
        let hint = Suggestion.hint(
          for: name, in: world.slots.map(\.name), otherwise: "create it with 'breaker \(name)'")
        throw CommandError("no breaker named '\(name)'\(hint)")
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
      transitions: slot.transitions, marks: activity.marks(of: slot.name),
      start: slot.createdAt)
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
    let start = chosen.map(\.createdAt).min() ?? 0
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

  /// The counters of one breaker or unprotected service, or of everything; columns that
  /// are zero everywhere are left out so the table fits.
  func stats(_ name: String?) throws(CommandError) -> [String] {
    var rows: [(String, String, BreakerStats)] = []
    let unprotected = world.services.enumerated().filter { $0.element.breaker == nil }
    if let name, world.slot(named: name) == nil,
      let service = unprotected.first(where: { $0.element.name == name })
    {
      rows.append((name, "(none)", world.unprotectedStats[service.offset]))
    } else if name != nil || !world.slots.isEmpty || unprotected.isEmpty {
      rows += try slots(name.map { [$0] } ?? []).map {
        ($0.name, stateLabel($0.breaker), $0.stats)
      }
    }
    if name == nil {
      rows += unprotected.map { ($0.element.name, "(none)", world.unprotectedStats[$0.offset]) }
    }
    let columns: [(title: String, value: (BreakerStats) -> String, always: Bool)] = [
      ("calls", { "\($0.calls)" }, true), ("ok", { "\($0.successes)" }, true),
      ("failed", { "\($0.failures)" }, true), ("timeouts", { "\($0.timeouts)" }, false),
      ("fast-fails", { "\($0.rejections)" }, true), ("dropped", { "\($0.uncounted)" }, false),
      ("fallbacks", { "\($0.fallbacks)" }, false), ("in-flight", { "\($0.inFlight)" }, false),
      ("waited", { DurationText.format($0.waitingMillis) }, false),
    ]
    let shown = columns.filter { column in
      column.always || rows.contains { !["0", "0ms"].contains(column.value($0.2)) }
    }
    var table = [["name", "state"] + shown.map(\.title)]
    table += rows.map { row in [row.0, row.1] + shown.map { $0.value(row.2) } }
    var lines = Describe.table(table)
    if name == nil, let workers = world.workers {
      lines.append(
        "pool: \(world.busyWorkers)/\(workers) workers busy; "
          + "\(world.starvedRequests) requests dropped for want of a worker")
    }
    return lines
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
