import BreakerCore
import Simulation

@testable import LabCommands

/// Everything a refused command must leave as it was.
struct LabSnapshot: Equatable {
  struct Breaker: Equatable {
    var name: String
    var state: BreakerState
    var mode: BreakerMode
    var configuration: BreakerConfiguration
    var stats: BreakerStats
    var transitions: [Transition]
  }

  var now: Milliseconds
  var seed: UInt64
  var pending: Bool
  var breakers: [Breaker]
  var services: [Service]
  var unprotected: [BreakerStats]
  var workers: Int?
  var busyWorkers: Int

  init(_ lab: Lab) {
    let world = lab.world
    now = world.now
    seed = world.seed
    pending = world.hasPendingEvents
    breakers = world.slots.map { slot in
      Breaker(
        name: slot.name, state: slot.breaker.state, mode: slot.breaker.mode,
        configuration: slot.breaker.configuration, stats: slot.stats,
        transitions: slot.transitions)
    }
    services = world.services
    unprotected = world.unprotectedStats
    workers = world.workers
    busyWorkers = world.busyWorkers
  }
}

extension Lab {
  /// Runs lines in order and returns every line they printed; records an error as a line.
  mutating func run(lines: [String]) -> [String] {
    lines.flatMap { line in
      let reply = run(line)
      return reply.lines + (reply.error.map { ["error: \($0.message)"] } ?? [])
    }
  }
}
