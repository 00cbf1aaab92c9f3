// Benchmarks for the reference breaker (BreakerCore) and the simulated world (Simulation).
//
// The per-call benchmarks run `benchmark.scaledIterations` calls per measured iteration with
// `scalingFactor: .mega`, so every figure the tool prints (time, instructions, mallocs) is per
// call. The targets are noted on each benchmark (README.md lists the latest figures).

import Benchmark
import BreakerCore
import Simulation

/// Metrics for the per-call benchmarks.
let perCallMetrics: [BenchmarkMetric] = [
  .wallClock, .cpuTotal, .instructions, .mallocCountTotal,
]

/// A breaker with the lesson's count policy that has just opened at time 0; it rejects every
/// call until 30s.
func openedLessonBreaker() -> CircuitBreaker {
  var breaker = CircuitBreaker(Preset.lesson.configuration)
  for _ in 0..<5 {
    guard let permit = breaker.acquire(at: 0).admission.permit else { break }
    _ = breaker.record(.failure, for: permit, at: 0)
  }
  precondition(breaker.state == .open, "the lesson breaker should be OPEN after 5 failures")
  return breaker
}

/// A cheap inline generator (xorshift64) that says "fail" for 10% of calls.
struct TenPercent {
  var state: UInt64 = 0x9E37_79B9_7F4A_7C15
  @inline(__always) mutating func fails() -> Bool {
    state ^= state << 13
    state ^= state >> 7
    state ^= state << 17
    return state < UInt64.max / 10
  }
}

/// The one-hour load of the issue: 1000 calls/s for 1h (3.6 million calls) to a service that
/// fails 10% of calls after 20ms, through a breaker with the given preset.
func oneHourLoad(preset: String) throws -> LoadSummary {
  var world = World(seed: 42)
  try world.configureBreaker("api", settings: [(key: "like", value: preset)])
  try world.configureService("api", mode: .flaky(10), latency: 20)
  var observer = IgnoringObserver()
  return try world.load(
    [(service: "api", rate: 1000)], for: 3_600_000, poisson: false, observer: &observer)
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: perCallMetrics,
    timeUnits: .nanoseconds,
    warmupIterations: 3,
    scalingFactor: .mega,
    maxDuration: .seconds(3),
    maxIterations: 30
  )

  // Target: <= 5 ns per call, 0 allocations.
  Benchmark("Breaker.closed-success") { benchmark in
    var breaker = CircuitBreaker(Preset.lesson.configuration)
    var now: Milliseconds = 0
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      now &+= 1
      let decision = breaker.acquire(at: now)
      if case .admitted(let permit) = decision.admission {
        blackHole(breaker.record(.success, for: permit, at: now))
      }
    }
    benchmark.stopMeasurement()
    precondition(breaker.state == .closed)
    blackHole(breaker)
  }

  // Target: <= 5 ns per call, 0 allocations (a rejection is a value).
  Benchmark("Breaker.open-rejection") { benchmark in
    var breaker = openedLessonBreaker()
    var now: Milliseconds = 0
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      now = now == 29_999 ? 1 : now + 1  // always inside the 30s OPEN wait
      blackHole(breaker.acquire(at: now))
    }
    benchmark.stopMeasurement()
    precondition(breaker.state == .open)
    blackHole(breaker)
  }

  // Informative (no target): opossum counts every rejected call as a fire in its rate window
  // and has a timer half-open, so its rejection does more work than the lesson's.
  Benchmark("Breaker.open-rejection-opossum") { benchmark in
    var breaker = CircuitBreaker(Preset.opossum.configuration)
    _ = breaker.force(.open, at: 0)
    var now: Milliseconds = 0
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      now = now == 29_999 ? 1 : now + 1  // inside the 30s OPEN wait
      blackHole(breaker.acquire(at: now))
    }
    benchmark.stopMeasurement()
    precondition(breaker.state == .open)
    blackHole(breaker)
  }

  // Target: <= 20 ns per call. Count policy (lesson preset), 10% of calls fail (drawn by a
  // cheap inline xorshift generator), the virtual clock moves 1s per call: the breaker trips
  // when 5 failures fall within 60s, rejects for the 30s wait, lets one trial through, and so
  // on, so the stream mixes CLOSED successes and failures, OPEN rejections, HALF_OPEN trials
  // and transitions (63% of calls admitted, one transition every ~27 calls).
  Benchmark("Breaker.mixed-10pct-failures") { benchmark in
    var breaker = CircuitBreaker(Preset.lesson.configuration)
    var now: Milliseconds = 0
    var failures = TenPercent()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      now &+= 1_000
      let fails = failures.fails()
      let decision = breaker.acquire(at: now)
      blackHole(decision.transition)
      if case .admitted(let permit) = decision.admission {
        blackHole(breaker.record(fails ? .failure : .success, for: permit, at: now))
      }
    }
    benchmark.stopMeasurement()
    blackHole(breaker)
  }

  // Target: < 0.25 s wall time in release; peak RSS < 30 MB (see also SimulationPeakRSS,
  // which measures a whole process).
  let simulationConfiguration = Benchmark.Configuration(
    metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
    timeUnits: .milliseconds,
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(30),
    maxIterations: 10
  )

  Benchmark("Simulation.load-1h-1000rps-flaky10-opossum", configuration: simulationConfiguration) {
    benchmark in
    benchmark.startMeasurement()
    let summary = try oneHourLoad(preset: "opossum")
    benchmark.stopMeasurement()
    precondition(summary.requests == 3_600_000)
    blackHole(summary)
  }

  Benchmark("Simulation.load-1h-1000rps-flaky10-lesson", configuration: simulationConfiguration) {
    benchmark in
    benchmark.startMeasurement()
    let summary = try oneHourLoad(preset: "lesson")
    benchmark.stopMeasurement()
    precondition(summary.requests == 3_600_000)
    blackHole(summary)
  }
}
