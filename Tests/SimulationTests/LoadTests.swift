import BreakerCore
import Simulation
import Testing

/// Loads: traffic over virtual time, evenly spaced or Poisson, then a summary.
@Suite("Loads")
struct LoadTests {
  /// A rate, a duration and how many evenly spaced calls they make.
  struct EvenCase: Sendable, CustomTestStringConvertible {
    var rate: Double
    var duration: Milliseconds
    var requests: Int

    var testDescription: String {
      "\(rate)/s for \(DurationText.format(duration)) -> \(requests)"
    }
  }

  static let evenCases = [
    EvenCase(rate: 10, duration: 1000, requests: 10),
    EvenCase(rate: 50, duration: 60_000, requests: 3000),
    EvenCase(rate: 1000, duration: 1000, requests: 1000),
    EvenCase(rate: 2.5, duration: 2000, requests: 5),
    EvenCase(rate: 1, duration: 100, requests: 1),
    EvenCase(rate: 3, duration: 1000, requests: 3),
  ]

  @Test("an evenly spaced load makes rate x duration calls", arguments: evenCases)
  func evenLoadCount(_ example: EvenCase) throws {
    var world = World()
    try world.configureService("svc", mode: .up)
    var recorder = Recorder()
    let summary = try world.load(
      [("svc", example.rate)], for: example.duration, poisson: false, observer: &recorder)
    #expect(summary.requests == example.requests)
    #expect(summary.successes == example.requests)
    #expect(recorder.calls.count == example.requests)
    #expect(recorder.calls.allSatisfy { $0.fromLoad })
    #expect(world.now == example.duration)
  }

  @Test("evenly spaced arrivals are 1000/rate ms apart from the load's start")
  func evenArrivalTimes() throws {
    var world = World()
    try world.configureService("svc", mode: .up)
    var recorder = Recorder()
    world.advance(by: 5000, observer: &recorder)
    _ = try world.load([("svc", 4)], for: 1000, poisson: false, observer: &recorder)
    #expect(recorder.calls.map(\.startedAt) == [5000, 5250, 5500, 5750])
    #expect(world.now == 6000)
  }

  /// The arrival times of a Poisson load of 100/s for 10s in a world seeded with `seed`.
  static func poissonArrivals(seed: UInt64) throws -> (LoadSummary, [Milliseconds]) {
    var world = World(seed: seed)
    try world.configureService("svc", mode: .up)
    var recorder = Recorder()
    let summary = try world.load([("svc", 100)], for: 10_000, poisson: true, observer: &recorder)
    return (summary, recorder.calls.map(\.startedAt))
  }

  @Test("a Poisson load is deterministic for a seed and about rate x duration in size")
  func poissonIsSeeded() throws {
    let (summary, arrivals) = try Self.poissonArrivals(seed: 42)
    let (_, again) = try Self.poissonArrivals(seed: 42)
    let (_, other) = try Self.poissonArrivals(seed: 43)
    #expect(arrivals == again)
    #expect(arrivals != other)
    #expect(summary.requests == arrivals.count)
    #expect((900...1100).contains(arrivals.count))
    #expect(arrivals == arrivals.sorted())
    #expect(arrivals.allSatisfy { (0..<10_000).contains($0) })
    // Poisson gaps vary: some arrivals share a millisecond, some are far apart.
    let gaps = zip(arrivals.dropFirst(), arrivals).map { $0 - $1 }
    #expect(Set(gaps).count > 10)
  }

  @Test("the summary counts every attempt by result", arguments: [false, true])
  func summaryCounts(poisson: Bool) throws {
    var world = World(seed: 9)
    try world.configureBreaker("svc", settings: [("threshold", "20"), ("reset", "2s")])
    try world.configureService("svc", mode: .flaky(40), latency: 30, fallback: true)
    var recorder = Recorder()
    let summary = try world.load(
      [("svc", 200)], for: 20_000, poisson: poisson, observer: &recorder)
    let records = recorder.calls
    #expect(summary.successes == records.filter { $0.result == .success }.count)
    #expect(summary.failures == records.filter { $0.result == .failure }.count)
    #expect(summary.rejections == records.filter { $0.result == .rejected }.count)
    #expect(summary.fallbacks == records.filter(\.fellBack).count)
    #expect(summary.fallbacks == summary.failures + summary.rejections)
    #expect(summary.rejections > 0)
    let ended = summary.successes + summary.failures + summary.rejections
    #expect(ended + summary.stillInFlight == summary.requests)
  }

  @Test("a load to several services runs them side by side")
  func severalTargets() throws {
    var world = World()
    try world.configureService("a", mode: .up, latency: 5)
    try world.configureService("b", mode: .down, latency: 5)
    var recorder = Recorder()
    let summary = try world.load(
      [("a", 10), ("b", 5)], for: 2000, poisson: false, observer: &recorder)
    #expect(summary.requests == 30)
    #expect(summary.successes == 20)
    #expect(summary.failures == 10)
    #expect(recorder.calls.map(\.at) == recorder.calls.map(\.at).sorted())
  }

  @Test("calls still in flight at the load's end go on, and the clock stops at the end")
  func callsOutliveTheLoad() throws {
    var world = World()
    try world.configureService("svc", mode: .slow(5000))
    var recorder = Recorder()
    let summary = try world.load([("svc", 1)], for: 3000, poisson: false, observer: &recorder)
    #expect(summary.requests == 3)
    #expect(summary.stillInFlight == 3)
    #expect(world.now == 3000)
    #expect(world.hasPendingEvents)
    world.advance(by: 5000, observer: &recorder)
    #expect(recorder.calls.map(\.at) == [5000, 6000, 7000])
    #expect(!world.hasPendingEvents)
  }

  @Test("a load to an unknown service is refused with a suggestion and changes nothing")
  func unknownService() throws {
    var world = World()
    try world.configureService("payments", mode: .up)
    var recorder = Recorder()
    let error = try #require(throws: WorldError.self) {
      try world.load([("paymnts", 10)], for: 1000, poisson: false, observer: &recorder)
    }
    #expect(error.message == "no service named 'paymnts'; did you mean 'payments'?")
    #expect(world.now == 0)
    #expect(recorder.events.isEmpty)
  }
}
