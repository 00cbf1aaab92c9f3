import BreakerCore
import Simulation

/// An observer that keeps every event, in the order the world reported them.
struct Recorder: WorldObserver {
  var events: [WorldEvent] = []

  mutating func observe(_ event: WorldEvent) { events.append(event) }

  /// The call records, in order.
  var calls: [CallRecord] {
    events.compactMap { event in
      if case .call(let record) = event { return record }
      return nil
    }
  }

  /// The transitions with their breaker, in order.
  var transitions: [(breaker: String, transition: Transition)] {
    events.compactMap { event in
      if case .transition(let breaker, let transition) = event { return (breaker, transition) }
      return nil
    }
  }

  /// The transitions as `NAME FROM->TO @t`, easy to compare.
  var transitionLines: [String] {
    transitions.map {
      "\($0.breaker) \($0.transition.from.label)->\($0.transition.to.label) @\($0.transition.at)"
    }
  }
}

/// An observer that only counts, for runs too long to keep every event.
struct CountingObserver: WorldObserver {
  var calls = 0
  var transitions = 0
  var results: [CallResult: Int] = [:]

  mutating func observe(_ event: WorldEvent) {
    switch event {
    case .call(let record):
      calls += 1
      results[record.result, default: 0] += 1
    case .transition:
      transitions += 1
    }
  }
}

extension World {
  /// The counters of a service that has no breaker.
  func unprotected(_ name: String) -> BreakerStats? {
    services.firstIndex { $0.name == name }.map { unprotectedStats[$0] }
  }

  /// The state of a breaker, or `nil` if there is none with this name.
  func state(of name: String) -> BreakerState? {
    slot(named: name)?.breaker.state
  }
}
