import BreakerCore
import Simulation
import Testing

/// The virtual clock: time moves only when an operation moves it, and everything due at or
/// before a time is applied, in (time, sequence) order, before anything else happens then.
@Suite("Virtual clock and event queue")
struct ClockTests {
  /// Two unprotected services whose single load call is still in flight at t=100ms: `fast`
  /// answers at 200ms, `slow` at 300ms.
  static func twoCallsInFlight() throws -> (World, Recorder) {
    var world = World()
    try world.configureService("slow", mode: .up, latency: 300)
    try world.configureService("fast", mode: .up, latency: 200)
    var recorder = Recorder()
    let summary = try world.load(
      [("slow", 1), ("fast", 1)], for: 100, poisson: false, observer: &recorder)
    #expect(summary.requests == 2)
    #expect(summary.stillInFlight == 2)
    #expect(world.now == 100)
    #expect(recorder.calls.isEmpty)
    return (world, recorder)
  }

  @Test("advance fires an event due exactly at the new time, and nothing later")
  func advanceIncludesTheEndTime() throws {
    var (world, recorder) = try Self.twoCallsInFlight()
    world.advance(by: 100, observer: &recorder)
    #expect(world.now == 200)
    #expect(recorder.calls.map(\.service) == ["fast"])
    #expect(recorder.calls.map(\.at) == [200])
    world.advance(by: 99, observer: &recorder)
    #expect(world.now == 299)
    #expect(recorder.calls.count == 1)
    #expect(world.hasPendingEvents)
    world.advance(by: 1, observer: &recorder)
    #expect(world.now == 300)
    #expect(recorder.calls.map(\.service) == ["fast", "slow"])
    #expect(!world.hasPendingEvents)
  }

  @Test("one long advance fires every due event in time order, each at its own time")
  func longAdvanceKeepsEventTimes() throws {
    var (world, recorder) = try Self.twoCallsInFlight()
    let finished = world.advance(by: 10_000, observer: &recorder)
    #expect(finished)
    #expect(world.now == 10_100)
    #expect(recorder.calls.map(\.service) == ["fast", "slow"])
    #expect(recorder.calls.map(\.at) == [200, 300])
    #expect(recorder.calls.map(\.startedAt) == [0, 0])
  }

  @Test(
    "events due at the same time fire in the order they were scheduled",
    arguments: [["a", "b", "c"], ["c", "a", "b"], ["b", "c", "a"]])
  func tiesKeepInsertionOrder(order: [String]) throws {
    var world = World()
    for name in ["a", "b", "c"] {
      try world.configureService(name, mode: .up, latency: 200)
    }
    var recorder = Recorder()
    _ = try world.load(order.map { ($0, 1.0) }, for: 100, poisson: false, observer: &recorder)
    world.advance(by: 1000, observer: &recorder)
    #expect(recorder.calls.map(\.service) == order)
    #expect(recorder.calls.map(\.at) == [200, 200, 200])
  }

  @Test("a load's summary at its end time includes the calls that end exactly then")
  func loadEndSeesCallsDueAtTheEnd() throws {
    var world = World()
    try world.configureService("api", mode: .up, latency: 100)
    var recorder = Recorder()
    // Calls start at 0, 100, ..., 900; the last one answers at exactly 1s, the load's end.
    let summary = try world.load([("api", 10)], for: 1000, poisson: false, observer: &recorder)
    #expect(world.now == 1000)
    #expect(summary.requests == 10)
    #expect(summary.successes == 10)
    #expect(summary.stillInFlight == 0)
    #expect(recorder.calls.last?.at == 1000)
  }

  @Test("a command at time t first applies everything due at t")
  func commandSeesEverythingDueNow() throws {
    var world = World()
    try world.configureBreaker("x", settings: [("threshold", "2")])
    try world.configureService("x", mode: .down, latency: 250, retries: 1)
    try world.configureService("y", mode: .up, latency: 400)
    var recorder = Recorder()
    // x's first attempt runs 0-250ms; its retry, started at 250ms, fails at 500ms.
    _ = try world.load([("x", 1)], for: 100, poisson: false, observer: &recorder)
    // y is called at 100ms and answers at 500ms, the same instant as x's retry.
    let first = try world.call("y", count: 1, observer: &recorder)
    #expect(first.successes == 1)
    #expect(world.now == 500)
    // Calling x at 500ms must see the retry's failure at 500ms: the breaker is OPEN.
    let second = try world.call("x", count: 1, observer: &recorder)
    #expect(second.rejections == 1)
    #expect(recorder.transitionLines == ["x CLOSED->OPEN @500"])
    let last = try #require(recorder.calls.last)
    #expect(last.service == "x")
    #expect(last.result == .rejected)
    #expect(last.at == 500)
  }

  @Test("a lazy trial is allowed by a call made exactly at open + reset")
  func lazyTrialAtExactlyTheResetTime() throws {
    var world = World()
    try world.configureBreaker("pay", settings: [("like", "lesson")])
    var recorder = Recorder()
    _ = try world.forceOutcome(.failure, on: "pay", count: 5, observer: &recorder)
    #expect(world.state(of: "pay") == .open)
    world.advance(by: 29_999, observer: &recorder)
    #expect(try world.call("pay", count: 1, observer: &recorder).rejections == 1)
    world.advance(by: 1, observer: &recorder)
    #expect(world.now == 30_000)
    #expect(try world.call("pay", count: 1, observer: &recorder).successes == 1)
    #expect(
      recorder.transitionLines == [
        "pay CLOSED->OPEN @0", "pay OPEN->HALF_OPEN @30000", "pay HALF_OPEN->CLOSED @30000",
      ])
  }

  @Test("call NAME N runs the calls one after another, moving the clock by each latency")
  func sequentialCallsMoveTheClock() throws {
    var world = World()
    try world.configureService("api", mode: .up, latency: 120)
    var recorder = Recorder()
    let summary = try world.call("api", count: 3, observer: &recorder)
    #expect(summary.requests == 3)
    #expect(summary.successes == 3)
    #expect(world.now == 360)
    #expect(recorder.calls.map(\.startedAt) == [0, 120, 240])
    #expect(recorder.calls.map(\.at) == [120, 240, 360])
  }

  @Test("advancing a quiet world by 10000 years, then the largest duration, completes")
  func advanceAQuietWorldToTheFarFuture() throws {
    var world = World()
    try world.configureBreaker("pay", settings: [])
    var recorder = Recorder()
    _ = try world.forceOutcome(.failure, on: "pay", count: 5, observer: &recorder)
    #expect(DurationText.parse("\(DurationText.maximum + 1)ms") == nil)
    let tenThousandYears: Milliseconds = 10_000 * 365 * 86_400_000
    #expect(world.advance(by: tenThousandYears, observer: &recorder))
    #expect(world.now == tenThousandYears)
    let largest = try #require(DurationText.parse("\(DurationText.maximum)ms"))
    #expect(largest == DurationText.maximum)
    #expect(world.advance(by: largest, observer: &recorder))
    #expect(world.now == DurationText.maximum)
    // The clock stops at the largest duration instead of overflowing.
    #expect(world.advance(by: largest, observer: &recorder))
    #expect(world.now == DurationText.maximum)
    // A lazy breaker has no timer: it is still OPEN until a call arrives.
    #expect(world.state(of: "pay") == .open)
    #expect(recorder.transitions.count == 1)
    #expect(!world.hasPendingEvents)
  }
}
