// Runs the issue's one-hour load once in a fresh process and prints its wall time and the
// process's peak resident set size, so that `/usr/bin/time -v` (or this program's own
// getrusage figure) measures exactly that run and nothing else.
//
//   swift run -c release SimulationPeakRSS [PRESET [MINUTES]]   # opossum (default), lesson, ...; 60
//   /usr/bin/time -v .build/release/SimulationPeakRSS opossum
//
// A shorter virtual time (MINUTES) keeps profiler runs (callgrind) short.

import BreakerCore
import Simulation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

let arguments = CommandLine.arguments.dropFirst()
let preset = arguments.first ?? "opossum"
let minutes = arguments.dropFirst().first.flatMap { Int64($0) } ?? 60

var world = World(seed: 42)
do {
  try world.configureBreaker("api", settings: [(key: "like", value: preset)])
  try world.configureService("api", mode: .flaky(10), latency: 20)
} catch {
  print("error: \(error)")
  exit(1)
}
var observer = IgnoringObserver()
let clock = ContinuousClock()
let start = clock.now
let summary: LoadSummary
do {
  summary = try world.load(
    [(service: "api", rate: 1000)], for: minutes * 60_000, poisson: false, observer: &observer)
} catch {
  print("error: \(error)")
  exit(1)
}
let elapsed = clock.now - start

var usage = rusage()
#if canImport(Darwin)
  getrusage(RUSAGE_SELF, &usage)
  let peakKiB = Int(usage.ru_maxrss) / 1024  // bytes on Darwin
#else
  getrusage(RUSAGE_SELF.rawValue, &usage)
  let peakKiB = Int(usage.ru_maxrss)  // KiB on Linux
#endif

print("preset:      \(preset)")
print(
  "requests:    \(summary.requests) (successes \(summary.successes), failures \(summary.failures), "
    + "timeouts \(summary.timeouts), rejections \(summary.rejections))")
print("final state: \(world.slot(named: "api")?.breaker.state.label ?? "?")")
print("wall time:   \(elapsed)")
print("peak RSS:    \(peakKiB) KiB")
