import BreakerCore
import Simulation
import Testing

/// The same operations and seed give the same events; memory stays bounded however many calls
/// are simulated; absurd operations are refused up front and change nothing.
@Suite("Determinism, bounded memory and limits")
struct DeterminismAndLimitsTests {
  /// A run that uses every source of randomness: flaky answers and Poisson arrivals.
  static func session(seed: UInt64) throws -> [WorldEvent] {
    var world = World(seed: seed)
    var recorder = Recorder()
    try world.configureBreaker("pay", settings: [("like", "opossum"), ("reset", "2s")])
    try world.configureService("pay", mode: .flaky(40), latency: 20, retries: 1)
    try world.configureService("inv", mode: .flaky(20), latency: 35, fallback: true)
    _ = try world.call("pay", count: 30, observer: &recorder)
    _ = try world.load([("pay", 50), ("inv", 20)], for: 10_000, poisson: true, observer: &recorder)
    world.advance(by: 5000, observer: &recorder)
    _ = try world.load([("pay", 80)], for: 5000, poisson: false, observer: &recorder)
    return recorder.events
  }

  @Test("the same operations and seed give the same events, in the same order")
  func sameSeedSameEvents() throws {
    let first = try Self.session(seed: 2024)
    let second = try Self.session(seed: 2024)
    #expect(first.count > 1000)
    #expect(first == second)
  }

  @Test("a different seed changes a flaky run")
  func otherSeedOtherEvents() throws {
    #expect(try Self.session(seed: 1) != Self.session(seed: 2))
  }

  @Test("1000 calls/s for an hour through a flaky service leave the world's storage bounded")
  func longLoadKeepsMemoryBounded() throws {
    var world = World(seed: 7)
    // Every failure opens the breaker and 1ms later a trial is allowed: thousands of
    // transitions, far more than the log keeps.
    try world.configureBreaker("svc", settings: [("threshold", "1"), ("reset", "1ms")])
    try world.configureService("svc", mode: .flaky(50), latency: 5)
    var counter = CountingObserver()
    let summary = try world.load(
      [("svc", 1000)], for: 3_600_000, poisson: false, observer: &counter)
    #expect(summary.requests == 3_600_000)
    #expect(counter.calls + summary.stillInFlight == 3_600_000)
    let slot = try #require(world.slot(named: "svc"))
    #expect(counter.transitions > World.transitionLogLimit)
    #expect(slot.transitions.count <= World.transitionLogLimit)
    #expect(slot.transitions.count + slot.droppedTransitions == counter.transitions)
    #expect(slot.stats.inFlight <= 5)
    world.advance(by: 1000, observer: &counter)
    #expect(!world.hasPendingEvents)
    #expect(counter.calls == 3_600_000)
    #expect(world.busyWorkers == 0)
    #expect(try #require(world.slot(named: "svc")).stats.inFlight == 0)
  }

  @Test("calls that hang for good are only counted: nothing stays on the event queue")
  func hungCallsTakeNoQueueSpace() throws {
    var world = World()
    try world.configureService("svc", mode: .hang)
    var counter = CountingObserver()
    let summary = try world.load([("svc", 100)], for: 600_000, poisson: false, observer: &counter)
    #expect(summary.stillInFlight == 60_000)
    #expect(world.unprotected("svc")?.inFlight == 60_000)
    #expect(!world.hasPendingEvents)
    #expect(counter.calls == 0)
  }

  /// A world with some history, to check that a refused operation leaves it as it was.
  static func busyWorld() throws -> World {
    var world = World(seed: 1)
    try world.configureBreaker("svc", settings: [])
    try world.configureService("svc", mode: .slow(2000))
    var recorder = Recorder()
    _ = try world.forceOutcome(.failure, on: "svc", count: 2, observer: &recorder)
    _ = try world.load([("svc", 2)], for: 1000, poisson: false, observer: &recorder)
    return world
  }

  /// What a refused operation must leave unchanged.
  struct Snapshot: Equatable {
    var now: Milliseconds
    var pending: Bool
    var stats: BreakerStats?
    var state: BreakerState?
    var configuration: BreakerConfiguration?
    var services: [Service]
    var busy: Int

    init(_ world: World) {
      now = world.now
      pending = world.hasPendingEvents
      stats = world.slot(named: "svc")?.stats
      state = world.state(of: "svc")
      configuration = world.slot(named: "svc")?.breaker.configuration
      services = world.services
      busy = world.busyWorkers
    }
  }

  @Test(
    "a load over the call limit is refused up front with a message, changing nothing",
    arguments: [false, true])
  func loadOverTheCallLimit(poisson: Bool) throws {
    var world = try Self.busyWorld()
    let before = Snapshot(world)
    var recorder = Recorder()
    let error = try #require(throws: WorldError.self) {
      try world.load([("svc", 1_000_000)], for: 3_600_000, poisson: poisson, observer: &recorder)
    }
    #expect(
      error.message
        == "that load would simulate about 3600000000 calls; the limit is 50000000 per command "
        + "(lower the rate or the duration)")
    #expect(Snapshot(world) == before)
    #expect(recorder.events.isEmpty)
  }

  @Test("a load just over the limit in total over several services is refused too")
  func loadOverTheLimitInTotal() throws {
    var world = try Self.busyWorld()
    try world.configureService("other", mode: .up)
    let before = Snapshot(world)
    var recorder = Recorder()
    // Each target alone is within the limit (40 million calls), together they are not.
    #expect(throws: WorldError.self) {
      try world.load(
        [("svc", 10_000), ("other", 10_000)], for: 4_000_000, poisson: false,
        observer: &recorder)
    }
    #expect(Snapshot(world) == before)
    #expect(recorder.events.isEmpty)
  }

  @Test("call and forced outcomes over the call limit are refused and change nothing")
  func countOverTheCallLimit() throws {
    var world = try Self.busyWorld()
    let before = Snapshot(world)
    var recorder = Recorder()
    let tooMany = Int(World.callLimit) + 1
    let error = try #require(throws: WorldError.self) {
      try world.call("svc", count: tooMany, observer: &recorder)
    }
    #expect(error.message == "50000001 calls is over the limit of 50000000 per command")
    #expect(throws: WorldError.self) {
      try world.forceOutcome(.failure, on: "svc", count: tooMany, observer: &recorder)
    }
    #expect(Snapshot(world) == before)
    #expect(recorder.events.isEmpty)
  }

  @Test("a bad breaker configuration is refused and leaves the breaker as it was")
  func badConfigurationChangesNothing() throws {
    var world = try Self.busyWorld()
    var recorder = Recorder()
    world.advance(by: 10_000, observer: &recorder)
    let before = Snapshot(world)
    #expect(throws: WorldError.self) {
      try world.configureBreaker("svc", settings: [("threshold", "0")])
    }
    #expect(Snapshot(world) == before)
  }
}
