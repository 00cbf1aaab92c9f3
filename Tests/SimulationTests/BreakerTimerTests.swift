import BreakerCore
import Simulation
import Testing

/// Breakers that act on their own as virtual time passes (opossum's half-open timer,
/// Hystrix's periodic health snapshot), and pybreaker's serialised calls.
@Suite("Breaker timers and serialised calls in the world")
struct BreakerTimerTests {
  @Test("opossum's timer half-opens during advance at exactly open + reset")
  func opossumTimerHalfOpens() throws {
    var world = World()
    var recorder = Recorder()
    world.advance(by: 1234, observer: &recorder)
    try world.configureBreaker("o", settings: [("like", "opossum")])
    _ = try world.forceOutcome(.failure, on: "o", count: 1, observer: &recorder)
    #expect(world.state(of: "o") == .open)
    #expect(world.hasPendingEvents)
    world.advance(by: 29_999, observer: &recorder)
    #expect(world.state(of: "o") == .open)
    world.advance(by: 1, observer: &recorder)
    #expect(world.state(of: "o") == .halfOpen)
    #expect(recorder.transitionLines == ["o CLOSED->OPEN @1234", "o OPEN->HALF_OPEN @31234"])
    #expect(!world.hasPendingEvents)
  }

  @Test("a long advance stamps opossum's half-open with the timer's time, not the clock's")
  func opossumTimerKeepsItsOwnTime() throws {
    var world = World()
    try world.configureBreaker("o", settings: [("like", "opossum"), ("reset", "10s")])
    var recorder = Recorder()
    _ = try world.forceOutcome(.failure, on: "o", count: 1, observer: &recorder)
    world.advance(by: 3_600_000, observer: &recorder)
    #expect(recorder.transitionLines == ["o CLOSED->OPEN @0", "o OPEN->HALF_OPEN @10000"])
    #expect(world.now == 3_600_000)
  }

  @Test("a lazy breaker does not half-open on its own, however long the advance")
  func lazyBreakerWaitsForACall() throws {
    var world = World()
    try world.configureBreaker("l", settings: [("like", "lesson")])
    var recorder = Recorder()
    _ = try world.forceOutcome(.failure, on: "l", count: 5, observer: &recorder)
    world.advance(by: 3_600_000, observer: &recorder)
    #expect(world.state(of: "l") == .open)
    #expect(!world.hasPendingEvents)
    _ = try world.call("l", count: 1, observer: &recorder)
    #expect(
      recorder.transitionLines == [
        "l CLOSED->OPEN @0", "l OPEN->HALF_OPEN @3600000", "l HALF_OPEN->CLOSED @3600000",
      ])
  }

  @Test(
    "Hystrix's snapshot trips at the next 500ms boundary after the failures",
    arguments: [(100, 500), (499, 500), (500, 1000), (999, 1000), (1001, 1500)])
  func hystrixTripsOnTheSnapshot(failuresAt: Milliseconds, tripsAt: Milliseconds) throws {
    var world = World()
    try world.configureBreaker("h", settings: [("like", "hystrix")])
    var recorder = Recorder()
    world.advance(by: failuresAt, observer: &recorder)
    _ = try world.forceOutcome(.failure, on: "h", count: 20, observer: &recorder)
    #expect(world.state(of: "h") == .closed)
    world.advance(by: tripsAt - failuresAt - 1, observer: &recorder)
    #expect(world.state(of: "h") == .closed)
    world.advance(by: 1, observer: &recorder)
    #expect(world.state(of: "h") == .open)
    #expect(recorder.transitionLines == ["h CLOSED->OPEN @\(tripsAt)"])
    let reason = try #require(recorder.transitions.first?.transition.reason)
    #expect(
      reason == .errorRate(percent: 100, calls: 20, threshold: 50, comparison: .greaterOrEqual))
  }

  @Test("Hystrix's snapshot does not trip under its volume of 20 calls")
  func hystrixNeedsVolume() throws {
    var world = World()
    try world.configureBreaker("h", settings: [("like", "hystrix")])
    var recorder = Recorder()
    _ = try world.forceOutcome(.failure, on: "h", count: 19, observer: &recorder)
    world.advance(by: 60_000, observer: &recorder)
    #expect(world.state(of: "h") == .closed)
    #expect(recorder.transitions.isEmpty)
    // The failures aged out of the 10s window, so the snapshots stopped.
    #expect(!world.hasPendingEvents)
  }

  /// The end times and the waiting time of a 20/s load for 1s to a 100ms service behind a
  /// pybreaker-like breaker, serialised or not.
  static func pybreakerLoad(serialize: Bool) throws -> ([Milliseconds], BreakerStats) {
    var world = World()
    try world.configureBreaker(
      "p", settings: [("like", "pybreaker"), ("serialize", serialize ? "on" : "off")])
    try world.configureService("p", mode: .up, latency: 100)
    var recorder = Recorder()
    _ = try world.load([("p", 20)], for: 1000, poisson: false, observer: &recorder)
    world.advance(by: 10_000, observer: &recorder)
    let stats = try #require(world.slot(named: "p")).stats
    #expect(world.busyWorkers == 0)
    #expect(!world.hasPendingEvents)
    return (recorder.calls.map(\.at), stats)
  }

  @Test("pybreaker's serialize=on makes concurrent calls wait their turn")
  func serializedCallsWait() throws {
    let (ends, stats) = try Self.pybreakerLoad(serialize: true)
    // One call at a time: they end every 100ms; call k (arriving at 50k ms) ends at 100(k+1).
    #expect(ends == (1...20).map { Milliseconds($0) * 100 })
    #expect(stats.successes == 20)
    // Waiting = sum of (end - arrival) = 20 x 100 + 50 x (0 + 1 + ... + 19).
    #expect(stats.waitingMillis == 11_500)
  }

  @Test("with serialize=off the same calls overlap and wait only for their own latency")
  func unserializedCallsOverlap() throws {
    let (ends, stats) = try Self.pybreakerLoad(serialize: false)
    #expect(ends == (0..<20).map { Milliseconds($0) * 50 + 100 })
    #expect(stats.waitingMillis == 2000)
  }

  @Test("callers queued behind a serialised breaker that opens all fail fast")
  func queuedCallersFailFastWhenItOpens() throws {
    var world = World()
    try world.configureBreaker("p", settings: [("like", "pybreaker")])
    try world.configureService("p", mode: .down, latency: 100)
    var recorder = Recorder()
    let summary = try world.load([("p", 20)], for: 1000, poisson: false, observer: &recorder)
    // Five failures in a row, one at a time (100ms to 500ms), open the breaker; every caller
    // still queued for the lock then fails fast, like every later caller.
    #expect(recorder.transitionLines == ["p CLOSED->OPEN @500"])
    #expect(summary.requests == 20)
    #expect(summary.failures == 5)
    #expect(summary.rejections == 15)
    #expect(world.busyWorkers == 0)
    #expect(world.slot(named: "p")?.stats.calls == 20)
  }
}
