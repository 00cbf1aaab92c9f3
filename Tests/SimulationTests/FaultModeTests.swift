import BreakerCore
import Simulation
import Testing

/// How each fault mode answers, and how timeouts end calls that take too long.
@Suite("Fault modes and timeouts")
struct FaultModeTests {
  /// One call to a service in one mode, and how it must end.
  struct ModeCase: Sendable, CustomTestStringConvertible {
    var mode: FaultMode
    var latency: Milliseconds
    var result: CallResult
    var took: Milliseconds

    var testDescription: String {
      "\(mode.text) latency=\(DurationText.format(latency)) -> \(result) in \(took)ms"
    }
  }

  static let modes = [
    ModeCase(mode: .up, latency: 120, result: .success, took: 120),
    ModeCase(mode: .down, latency: 120, result: .failure, took: 120),
    ModeCase(mode: .slow(2000), latency: 120, result: .success, took: 2000),
    ModeCase(mode: .refuse, latency: 500, result: .failure, took: 0),
    ModeCase(mode: .flaky(0), latency: 80, result: .success, took: 80),
    ModeCase(mode: .flaky(100), latency: 80, result: .failure, took: 80),
  ]

  @Test("a mode answers with its result after its time", arguments: modes)
  func modeAnswers(_ example: ModeCase) throws {
    var world = World()
    try world.configureBreaker("svc", settings: [])
    try world.configureService("svc", mode: example.mode, latency: example.latency)
    var recorder = Recorder()
    let summary = try world.call("svc", count: 1, observer: &recorder)
    #expect(!summary.stuck)
    let record = try #require(recorder.calls.first)
    #expect(recorder.calls.count == 1)
    #expect(record.result == example.result)
    #expect(record.breaker == "svc")
    #expect(record.at - record.startedAt == example.took)
    #expect(world.now == example.took)
    let stats = try #require(world.slot(named: "svc")).stats
    #expect(stats.calls == 1)
    #expect(stats.successes == (example.result == .success ? 1 : 0))
    #expect(stats.failures == (example.result == .failure ? 1 : 0))
    #expect(stats.inFlight == 0)
  }

  @Test("a hanging service with no timeout never answers: the call reports stuck")
  func hangWithoutTimeoutIsStuck() throws {
    var world = World()
    try world.configureBreaker("svc", settings: [])
    try world.configureService("svc", mode: .hang, latency: 100)
    var recorder = Recorder()
    let summary = try world.call("svc", count: 3, observer: &recorder)
    #expect(summary.stuck)
    #expect(summary.requests == 1)
    #expect(recorder.calls.isEmpty)
    #expect(world.now == 0)
    #expect(world.slot(named: "svc")?.stats.inFlight == 1)
    // Nothing will ever end it: no event is scheduled, and time passing changes nothing.
    #expect(!world.hasPendingEvents)
    world.advance(by: 3_600_000, observer: &recorder)
    #expect(recorder.calls.isEmpty)
    #expect(world.slot(named: "svc")?.stats.inFlight == 1)
  }

  /// A timeout source and the time after which the call must end as `timeout`.
  struct TimeoutCase: Sendable, CustomTestStringConvertible {
    var label: String
    var breakerSettings: [String]
    var serviceTimeout: Milliseconds?
    var mode: FaultMode
    var endsAfter: Milliseconds

    var testDescription: String { label }
  }

  static let timeouts = [
    TimeoutCase(
      label: "hang, breaker timeout=200ms", breakerSettings: ["timeout=200ms"],
      serviceTimeout: nil, mode: .hang, endsAfter: 200),
    TimeoutCase(
      label: "hang, like=opossum (10s timeout)", breakerSettings: ["like=opossum"],
      serviceTimeout: nil, mode: .hang, endsAfter: 10_000),
    TimeoutCase(
      label: "hang, like=hystrix (1s timeout)", breakerSettings: ["like=hystrix"],
      serviceTimeout: nil, mode: .hang, endsAfter: 1000),
    TimeoutCase(
      label: "slow 2s, breaker timeout=500ms", breakerSettings: ["timeout=500ms"],
      serviceTimeout: nil, mode: .slow(2000), endsAfter: 500),
    TimeoutCase(
      label: "hang, service timeout=750ms and no breaker timeout", breakerSettings: [],
      serviceTimeout: 750, mode: .hang, endsAfter: 750),
    TimeoutCase(
      label: "the breaker's timeout wins over the service's", breakerSettings: ["timeout=300ms"],
      serviceTimeout: 5000, mode: .hang, endsAfter: 300),
  ]

  @Test("a call that takes too long ends as a timeout", arguments: timeouts)
  func timeoutEndsTheCall(_ example: TimeoutCase) throws {
    var world = World()
    let settings = example.breakerSettings.map { word in
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      return (key: parts[0], value: parts[1])
    }
    try world.configureBreaker("svc", settings: settings)
    try world.configureService(
      "svc", mode: example.mode, latency: 50, timeout: .some(example.serviceTimeout))
    var recorder = Recorder()
    let summary = try world.call("svc", count: 1, observer: &recorder)
    #expect(!summary.stuck)
    #expect(summary.timeouts == 1)
    let record = try #require(recorder.calls.first)
    #expect(record.result == .timeout)
    #expect(record.at == example.endsAfter)
    #expect(world.now == example.endsAfter)
    let stats = try #require(world.slot(named: "svc")).stats
    #expect(stats.timeouts == 1)
    #expect(stats.inFlight == 0)
  }

  @Test("an unprotected hanging service is ended by the client's own timeout")
  func clientTimeoutWithoutBreaker() throws {
    var world = World()
    try world.configureService("svc", mode: .hang, timeout: .some(400))
    var recorder = Recorder()
    let summary = try world.call("svc", count: 2, observer: &recorder)
    #expect(summary.timeouts == 2)
    #expect(recorder.calls.map(\.at) == [400, 800])
    #expect(recorder.calls.allSatisfy { $0.breaker == nil })
    #expect(world.unprotected("svc")?.timeouts == 2)
  }

  @Test("timeouts count as failures: five of them open the lesson breaker")
  func timeoutsTripTheBreaker() throws {
    var world = World()
    try world.configureBreaker("svc", settings: [("timeout", "1s")])
    try world.configureService("svc", mode: .hang)
    var recorder = Recorder()
    let summary = try world.call("svc", count: 6, observer: &recorder)
    #expect(summary.timeouts == 5)
    #expect(summary.rejections == 1)
    #expect(recorder.transitionLines == ["svc CLOSED->OPEN @5000"])
  }

  /// The results of `count` calls to a flaky service in a world seeded with `seed`.
  static func flakyResults(seed: UInt64, percent: Double, count: Int) throws -> [CallResult] {
    var world = World(seed: seed)
    try world.configureService("svc", mode: .flaky(percent), latency: 10)
    var recorder = Recorder()
    _ = try world.call("svc", count: count, observer: &recorder)
    return recorder.calls.map(\.result)
  }

  @Test("flaky fails about P% of calls, drawn from the seed", arguments: [10.0, 30, 50, 90])
  func flakyFailsAboutPercent(percent: Double) throws {
    let results = try Self.flakyResults(seed: 11, percent: percent, count: 2000)
    let failures = results.filter { $0 == .failure }.count
    let expected = Int(percent * 20)
    #expect(results.count == 2000)
    #expect(abs(failures - expected) < 100, "\(failures) failures, expected about \(expected)")
  }

  @Test("flaky is deterministic for a seed, and another seed gives another sequence")
  func flakyIsSeeded() throws {
    let first = try Self.flakyResults(seed: 3, percent: 50, count: 200)
    let again = try Self.flakyResults(seed: 3, percent: 50, count: 200)
    let other = try Self.flakyResults(seed: 4, percent: 50, count: 200)
    #expect(first == again)
    #expect(first != other)
  }

  @Test("reseeding restarts the random choices")
  func reseedRestartsTheSequence() throws {
    var world = World(seed: 5)
    try world.configureService("svc", mode: .flaky(50))
    var recorder = Recorder()
    _ = try world.call("svc", count: 50, observer: &recorder)
    world.reseed(5)
    _ = try world.call("svc", count: 50, observer: &recorder)
    let results = recorder.calls.map(\.result)
    #expect(Array(results[..<50]) == Array(results[50...]))
    #expect(world.seed == 5)
  }
}
