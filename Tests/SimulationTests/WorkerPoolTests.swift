import BreakerCore
import Simulation
import Testing

/// The application's worker pool: a hung dependency holds workers, and without a breaker and
/// a timeout it starves requests to an unrelated healthy service.
@Suite("Worker pool and cascading failure")
struct WorkerPoolTests {
  /// A pool of 4 workers, a hanging dependency `dep` (guarded or not) and a healthy `api`.
  static func world(guarded: Bool) throws -> World {
    var world = World()
    try world.setWorkers(4)
    if guarded {
      try world.configureBreaker("dep", settings: [("timeout", "1s")])
    }
    try world.configureService("dep", mode: .hang)
    try world.configureService("api", mode: .up, latency: 10)
    return world
  }

  @Test("a hung dependency with no breaker exhausts the pool and starves a healthy service")
  func hungDependencyStarvesThePool() throws {
    var world = try Self.world(guarded: false)
    var recorder = Recorder()
    let outage = try world.load(
      [("dep", 2), ("api", 10)], for: 10_000, poisson: false, observer: &recorder)
    // dep's calls at 0, 0.5s, 1s and 1.5s take the 4 workers for good; from 1.5s on every
    // request starves: 85 to api and 16 to dep. Only api's first 15 calls are served.
    #expect(outage.requests == 120)
    #expect(outage.successes == 15)
    #expect(outage.starved == 101)
    #expect(world.busyWorkers == 4)
    #expect(world.unprotected("dep")?.inFlight == 4)
    // An hour later nothing has changed: the hung calls hold their workers for good.
    world.advance(by: 3_600_000, observer: &recorder)
    let after = try world.load([("api", 10)], for: 10_000, poisson: false, observer: &recorder)
    #expect(after.requests == 100)
    #expect(after.starved == 100)
    #expect(after.successes == 0)
    #expect(try world.call("api", count: 1, observer: &recorder).starved == 1)
    #expect(world.starvedRequests == 202)
  }

  @Test("with a breaker and a timeout the pool recovers and the healthy service is served")
  func breakerAndTimeoutProtectThePool() throws {
    var world = try Self.world(guarded: true)
    var recorder = Recorder()
    let outage = try world.load(
      [("dep", 2), ("api", 10)], for: 10_000, poisson: false, observer: &recorder)
    // dep's calls from 0 to 2.5s time out after 1s each, so at most 2 hold a worker at once;
    // the 5th timeout (at 3s) opens the breaker, and dep's later calls fail fast.
    #expect(outage.requests == 120)
    #expect(outage.starved == 0)
    #expect(outage.successes == 100)
    #expect(outage.timeouts == 6)
    #expect(outage.rejections == 14)
    #expect(recorder.transitionLines == ["dep CLOSED->OPEN @3000"])
    #expect(world.busyWorkers == 0)
    let after = try world.load([("api", 10)], for: 10_000, poisson: false, observer: &recorder)
    #expect(after.starved == 0)
    #expect(after.successes == 100)
  }

  @Test("the pool cannot shrink below the workers busy now, and the refusal changes nothing")
  func poolCannotShrinkBelowBusy() throws {
    var world = try Self.world(guarded: false)
    var recorder = Recorder()
    _ = try world.load([("dep", 2)], for: 2000, poisson: false, observer: &recorder)
    #expect(world.busyWorkers == 4)
    let error = try #require(throws: WorldError.self) { try world.setWorkers(2) }
    #expect(error.message.contains("4 workers are busy"))
    #expect(world.workers == 4)
    try world.setWorkers(nil)
    #expect(try world.call("api", count: 1, observer: &recorder).successes == 1)
  }
}
