// The per-call benchmarks as a plain program, without the benchmark framework: for
// profilers (`perf record`, `valgrind --tool=callgrind`) and as a cross-check of the
// framework's figures. Prints ns per call measured with ContinuousClock.
//
//   swift build -c release --product HotPaths
//   .build/release/HotPaths [SCENARIO...] [--calls N]
//   SCENARIO: closed-success | open-rejection | open-rejection-opossum | mixed   (default: all)

import BreakerCore

@inline(never) func consume<T>(_ value: T) { withExtendedLifetime(value) {} }

/// A lesson breaker that has just opened at 0 and rejects everything before 30s.
func openedLessonBreaker() -> CircuitBreaker {
  var breaker = CircuitBreaker(Preset.lesson.configuration)
  for _ in 0..<5 {
    guard let permit = breaker.acquire(at: 0).admission.permit else { break }
    _ = breaker.record(.failure, for: permit, at: 0)
  }
  precondition(breaker.state == .open)
  return breaker
}

@inline(never) func closedSuccess(_ calls: Int) -> CircuitBreaker {
  var breaker = CircuitBreaker(Preset.lesson.configuration)
  var now: Milliseconds = 0
  for _ in 0..<calls {
    now &+= 1
    let decision = breaker.acquire(at: now)
    if case .admitted(let permit) = decision.admission {
      consume(breaker.record(.success, for: permit, at: now))
    }
  }
  return breaker
}

@inline(never) func openRejection(_ calls: Int, breaker start: CircuitBreaker) -> CircuitBreaker {
  var breaker = start
  var now: Milliseconds = 0
  for _ in 0..<calls {
    now = now == 29_999 ? 1 : now + 1
    consume(breaker.acquire(at: now))
  }
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

/// 10% failures drawn by `TenPercent`, 1s of virtual time per call (see BreakerBenchmarks).
@inline(never) func mixed(_ calls: Int) -> (CircuitBreaker, admitted: Int, transitions: Int) {
  var breaker = CircuitBreaker(Preset.lesson.configuration)
  var now: Milliseconds = 0
  var failures = TenPercent()
  var admitted = 0
  var transitions = 0
  for _ in 0..<calls {
    now &+= 1_000
    let fails = failures.fails()
    let decision = breaker.acquire(at: now)
    if decision.transition != nil { transitions += 1 }
    if case .admitted(let permit) = decision.admission {
      admitted += 1
      let recording = breaker.record(fails ? .failure : .success, for: permit, at: now)
      if recording.transition != nil { transitions += 1 }
    }
  }
  return (breaker, admitted, transitions)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var callsArgument = 20_000_000
if let index = arguments.firstIndex(of: "--calls"), index + 1 < arguments.count {
  callsArgument = Int(arguments[index + 1]) ?? callsArgument
  arguments.removeSubrange(index...(index + 1))
}
let calls = callsArgument
let scenarios =
  arguments.isEmpty
  ? ["closed-success", "open-rejection", "open-rejection-opossum", "mixed"] : arguments

let clock = ContinuousClock()
func report(_ name: String, _ elapsed: Duration, calls: Int, extra: String = "") {
  let (seconds, attoseconds) = elapsed.components
  let nanos = Double(seconds) * 1e9 + Double(attoseconds) / 1e9
  let perCall = nanos / Double(calls)
  print(
    "\(name): \(calls) calls in \(elapsed), "
      + "\((perCall * 100).rounded() / 100) ns/call\(extra)")
}

for scenario in scenarios {
  switch scenario {
  case "closed-success":
    let start = clock.now
    let breaker = closedSuccess(calls)
    report(scenario, clock.now - start, calls: calls)
    precondition(breaker.state == .closed)
  case "open-rejection":
    let opened = openedLessonBreaker()
    let start = clock.now
    let breaker = openRejection(calls, breaker: opened)
    report(scenario, clock.now - start, calls: calls)
    precondition(breaker.state == .open)
  case "open-rejection-opossum":
    var opened = CircuitBreaker(Preset.opossum.configuration)
    _ = opened.force(.open, at: 0)
    let start = clock.now
    let breaker = openRejection(calls, breaker: opened)
    report(scenario, clock.now - start, calls: calls)
    precondition(breaker.state == .open)
  case "mixed":
    let start = clock.now
    let (breaker, admitted, transitions) = mixed(calls)
    let percent = (Double(admitted) / Double(calls) * 1000).rounded() / 10
    report(
      scenario, clock.now - start, calls: calls,
      extra: " (admitted \(percent)%, \(transitions) transitions, ends \(breaker.state.label))")
  default:
    print("unknown scenario '\(scenario)'")
  }
}
