import BreakerCore
import LabCommands
import Simulation

/// What the world looked like when a step started, so conditions can speak of "since".
public struct WorldMark: Sendable, Equatable {
  public var time: Milliseconds = 0
  public var stats: [String: BreakerStats] = [:]
  public var transitions: [String: Int] = [:]
  public var starved = 0

  /// Marks the world as it is now.
  public init(_ world: World) {
    time = world.now
    starved = world.starvedRequests
    for slot in world.slots {
      stats[slot.name] = slot.stats
      transitions[slot.name] = slot.transitions.count + slot.droppedTransitions
    }
  }

  /// Creates an empty mark (time zero, nothing counted).
  public init() {}
}

extension Condition {
  /// Whether the condition holds on `world` since `mark`, and a sentence explaining why not.
  func evaluate(on world: World, since mark: WorldMark) -> (holds: Bool, why: String) {
    if let name = breaker, world.slot(named: name) == nil {
      return (false, "there is no breaker named '\(name)'")
    }
    switch self {
    case .state(let name, let state):
      let slot = world.slot(named: name)
      let now = slot?.breaker.state ?? .closed
      let detail = slot.flatMap { Describe.counters($0.breaker, now: world.now) }
      return (
        now == state,
        "expected \(name) \(state.label); \(name) is \(now.label)"
          + (detail.map { " (\($0))" } ?? "")
      )
    case .moved(let name, let state):
      let moved = transitions(of: name, in: world, since: mark).contains { $0.to == state }
      let word = state == .open ? "opened" : state == .closed ? "closed" : "half-opened"
      return (
        moved,
        "expected \(name) \(word): it did not become \(state.label) since this step began"
      )
    case .neverOpened(let name):
      let opening = transitions(of: name, in: world, since: mark).first { $0.to == .open }
      return (
        opening == nil,
        "expected \(name) to stay out of OPEN; it opened at t=\(format(opening?.at ?? 0))"
      )
    case .counter(let name, let counter, let comparison, let value):
      let count = Int64(
        counter.value(world.slot(named: name)?.stats) - counter.value(mark.stats[name]))
      return (
        comparison.holds(count, value),
        "expected \(name) \(counter.rawValue) \(comparison.rawValue) \(value); it is \(count)"
      )
    case .starved(let comparison, let value):
      let count = Int64(world.starvedRequests - mark.starved)
      return (
        comparison.holds(count, value),
        "expected starved requests \(comparison.rawValue) \(value); there were \(count)"
      )
    case .elapsed(let comparison, let value):
      let elapsed = world.now - mark.time
      return (
        comparison.holds(elapsed, value),
        "expected elapsed time \(comparison.rawValue) \(format(value)); it is \(format(elapsed))"
      )
    case .staysClosed(let name, let until):
      let leaving = transitions(of: name, in: world, since: mark).first {
        $0.from == .closed && $0.at < until
      }
      return (
        leaving == nil,
        "\(name) opened at t=\(format(leaving?.at ?? 0)), before \(format(until)): "
          + "it tripped on a transient blip"
      )
    case .openBy(let name, let time):
      let opened = transitions(of: name, in: world, since: mark).contains {
        $0.to == .open && $0.at <= time
      }
      return (opened, "\(name) was not OPEN by t=\(format(time)): the outage went unnoticed")
    case .closedBy(let name, let time):
      let history = transitions(of: name, in: world, since: mark).filter { $0.at <= time }
      guard let lastOpen = history.last(where: { $0.to == .open }) else { return (true, "") }
      let reclosed = history.contains { $0.to == .closed && $0.at >= lastOpen.at }
      return (
        reclosed, "\(name) was not CLOSED again by t=\(format(time)): it recovered too slowly"
      )
    }
  }

  private func transitions(of name: String, in world: World, since mark: WorldMark)
    -> [Transition]
  {
    guard let slot = world.slot(named: name) else { return [] }
    let total = slot.transitions.count + slot.droppedTransitions
    let new = max(0, total - (mark.transitions[name] ?? 0))
    return Array(slot.transitions.suffix(min(new, slot.transitions.count)))
  }

  private func format(_ time: Milliseconds) -> String { DurationText.format(time) }
}

extension Condition.Counter {
  func value(_ stats: BreakerStats?) -> Int {
    guard let stats else { return 0 }
    switch self {
    case .calls: return stats.calls
    case .successes: return stats.successes
    case .failures: return stats.failures
    case .timeouts: return stats.timeouts
    case .rejections: return stats.rejections
    case .fallbacks: return stats.fallbacks
    }
  }
}
