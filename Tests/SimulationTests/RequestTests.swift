import BreakerCore
import Simulation
import Testing

/// What happens to one request: retries that each go through the breaker, fallbacks,
/// breakers shared between services, and services with no breaker at all.
@Suite("Requests: retries, fallbacks, shared breakers, no breaker")
struct RequestTests {
  /// A world with the lesson breaker (5 failures within 60s) guarding a down service.
  static func downService(retries: Int = 0, fallback: Bool = false) throws -> World {
    var world = World()
    try world.configureBreaker("pay", settings: [("like", "lesson")])
    try world.configureService(
      "pay", mode: .down, latency: 10, retries: retries, fallback: fallback)
    return world
  }

  @Test("every retry is an attempt the breaker records: 3 attempts x 2 requests trip 5")
  func retriesMultiplyFailures() throws {
    var world = try Self.downService(retries: 2)
    var recorder = Recorder()
    let summary = try world.call("pay", count: 2, observer: &recorder)
    #expect(summary.requests == 2)
    #expect(recorder.calls.map(\.attempt) == [1, 2, 3, 1, 2, 3])
    #expect(
      recorder.calls.map(\.result) == [
        .failure, .failure, .failure, .failure, .failure, .rejected,
      ])
    #expect(recorder.transitionLines == ["pay CLOSED->OPEN @50"])
    let stats = try #require(world.slot(named: "pay")).stats
    #expect(stats.calls == 6)
    #expect(stats.failures == 5)
    #expect(stats.rejections == 1)
  }

  @Test(
    "the request that trips a threshold of 5 is ceil(5 / (retries + 1))",
    arguments: [(0, 5), (1, 3), (2, 2), (4, 1)])
  func requestThatTrips(retries: Int, trippingRequest: Int) throws {
    var world = try Self.downService(retries: retries)
    var recorder = Recorder()
    var opened: Int?
    for request in 1...6 where opened == nil {
      _ = try world.call("pay", count: 1, observer: &recorder)
      if world.state(of: "pay") == .open { opened = request }
    }
    #expect(opened == trippingRequest)
  }

  @Test("call NAME N retries=R overrides the service's retries")
  func callRetriesOverride() throws {
    var world = try Self.downService(retries: 0)
    var recorder = Recorder()
    _ = try world.call("pay", count: 1, retries: 3, observer: &recorder)
    #expect(recorder.calls.map(\.attempt) == [1, 2, 3, 4])
    #expect(world.service(named: "pay")?.retries == 0)
  }

  @Test("a retry that succeeds ends the request without a fallback")
  func retryThatSucceeds() throws {
    var world = World(seed: 1)
    try world.configureService("svc", mode: .flaky(50), retries: 100, fallback: true)
    var recorder = Recorder()
    let summary = try world.call("svc", count: 20, observer: &recorder)
    #expect(summary.requests == 20)
    #expect(summary.successes == 20)
    #expect(summary.fallbacks == 0)
    #expect(recorder.calls.filter { $0.result == .success }.count == 20)
    #expect(recorder.calls.count > 20)
  }

  @Test("a fallback answers failed and rejected requests, and each one is counted")
  func fallbacksAreCounted() throws {
    var world = try Self.downService(fallback: true)
    var recorder = Recorder()
    let summary = try world.call("pay", count: 7, observer: &recorder)
    #expect(summary.failures == 5)
    #expect(summary.rejections == 2)
    #expect(summary.fallbacks == 7)
    #expect(recorder.calls.allSatisfy { $0.fellBack })
    #expect(world.slot(named: "pay")?.stats.fallbacks == 7)
  }

  @Test("with retries, only the request's last attempt falls back")
  func fallbackOnlyAfterTheLastAttempt() throws {
    var world = try Self.downService(retries: 1, fallback: true)
    var recorder = Recorder()
    let summary = try world.call("pay", count: 2, observer: &recorder)
    #expect(recorder.calls.map(\.fellBack) == [false, true, false, true])
    #expect(summary.fallbacks == 2)
    #expect(world.slot(named: "pay")?.stats.fallbacks == 2)
  }

  @Test("a breaker shared by two services, opened by one, rejects the other")
  func sharedBreakerRejectsTheHealthyService() throws {
    var world = World()
    try world.configureBreaker("shared", settings: [])
    try world.configureService("reports", mode: .down, latency: 10, breaker: "shared")
    try world.configureService("payments", mode: .up, latency: 10, breaker: "shared")
    var recorder = Recorder()
    #expect(try world.call("payments", count: 3, observer: &recorder).successes == 3)
    _ = try world.call("reports", count: 5, observer: &recorder)
    #expect(world.state(of: "shared") == .open)
    let summary = try world.call("payments", count: 3, observer: &recorder)
    #expect(summary.rejections == 3)
    #expect(summary.successes == 0)
    let last = try #require(recorder.calls.last)
    #expect(last.service == "payments")
    #expect(last.breaker == "shared")
    #expect(last.result == .rejected)
    #expect(recorder.transitionLines == ["shared CLOSED->OPEN @80"])
  }

  @Test("sharing a breaker that does not exist is refused and changes nothing")
  func sharingAnUnknownBreaker() throws {
    var world = World()
    try world.configureBreaker("shared", settings: [])
    let error = try #require(throws: WorldError.self) {
      try world.configureService("reports", mode: .down, breaker: "sahred")
    }
    #expect(error.message.hasPrefix("no breaker named 'sahred'; did you mean 'shared'?"))
    #expect(world.service(named: "reports") == nil)
  }

  @Test("a service with no breaker is always called, and counted on its own")
  func serviceWithoutBreaker() throws {
    var world = World()
    try world.configureService("plain", mode: .down, latency: 5)
    var recorder = Recorder()
    let summary = try world.call("plain", count: 10, observer: &recorder)
    #expect(summary.failures == 10)
    #expect(summary.rejections == 0)
    #expect(recorder.calls.allSatisfy { $0.breaker == nil })
    #expect(recorder.transitions.isEmpty)
    #expect(world.slots.isEmpty)
    let stats = try #require(world.unprotected("plain"))
    #expect(stats.calls == 10)
    #expect(stats.failures == 10)
    #expect(stats.waitingMillis == 50)
  }

  @Test("breaker=none takes a service out from behind its breaker")
  func removingTheBreaker() throws {
    var world = try Self.downService()
    try world.configureService("pay", mode: nil, breaker: .some(nil))
    var recorder = Recorder()
    let summary = try world.call("pay", count: 10, observer: &recorder)
    #expect(summary.failures == 10)
    #expect(world.state(of: "pay") == .closed)
    #expect(world.slot(named: "pay")?.stats.calls == 0)
    #expect(world.unprotected("pay")?.failures == 10)
  }

  @Test("forced outcomes go through the breaker at once, with no service and no time")
  func forcedOutcomes() throws {
    var world = World()
    try world.configureBreaker("pay", settings: [])
    try world.configureService("pay", mode: .hang)
    var recorder = Recorder()
    let summary = try world.forceOutcome(.failure, on: "pay", count: 6, observer: &recorder)
    #expect(summary.failures == 5)
    #expect(summary.rejections == 1)
    #expect(world.now == 0)
    #expect(recorder.calls.allSatisfy { $0.forced == .failure })
    #expect(recorder.transitionLines == ["pay CLOSED->OPEN @0"])
  }
}
