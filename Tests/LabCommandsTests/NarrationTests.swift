import BreakerCore
import Simulation
import Testing

@testable import LabCommands

/// What a learner reads: small scripts run through ``Lab`` print exactly these lines, each
/// checked by hand against the semantics (latencies move the clock, the lesson breaker opens
/// at 5 failures within 60s and waits 30s from the last failure, ...).
@Suite("Golden narration")
struct NarrationTests {
  /// One command and the lines it must print.
  struct Step: Sendable {
    var command: String
    var lines: [String]

    init(_ command: String, _ lines: [String]) {
      self.command = command
      self.lines = lines
    }
  }

  /// Runs steps in one lab and compares each command's lines.
  static func check(_ steps: [Step], seed: UInt64 = 0) {
    var lab = Lab(seed: seed)
    for step in steps {
      let reply = lab.run(step.command)
      #expect(reply.error == nil, "\(step.command): \(reply.error?.message ?? "")")
      #expect(reply.lines == step.lines, "\(step.command)")
    }
  }

  @Test("an outage trips the lesson breaker, and a trial after 30s closes it")
  func outageAndRecovery() {
    Self.check([
      Step(
        "breaker payments",
        [
          "breaker payments created: opens at 5 failures within 60s; waits 30s from the",
          "  last failure; 1 trial",
        ]),
      Step(
        "service payments down latency=100ms",
        ["service payments: down, latency 100ms, guarded by payments"]),
      Step(
        "call payments 6",
        [
          "t=100ms  payments  call -> failure in 100ms  [1/5 failures within 60s]",
          "t=200ms  payments  call -> failure in 100ms  [2/5 failures within 60s]",
          "t=300ms  payments  call -> failure in 100ms  [3/5 failures within 60s]",
          "t=400ms  payments  call -> failure in 100ms  [4/5 failures within 60s]",
          "t=500ms  payments  call -> failure in 100ms",
          "t=500ms  payments  CLOSED -> OPEN  (5 failures within 60s)",
          "t=500ms  payments  call -> rejected: failed fast (OPEN; trial allowed at t=30s500ms, "
            + "in 30s)",
        ]),
      Step("# the wait runs from the last failure, at 500ms", []),
      Step("advance 30s", ["now t=30s500ms"]),
      Step("service payments up", ["service payments: up, latency 100ms, guarded by payments"]),
      Step(
        "call payments 2",
        [
          "t=30s500ms  payments  OPEN -> HALF_OPEN  (waited 30s; next call is a trial)",
          "t=30s600ms  payments  call -> success in 100ms",
          "t=30s600ms  payments  HALF_OPEN -> CLOSED  (trial call succeeded)",
          "t=30s700ms  payments  call -> success in 100ms  [0/5 failures within 60s]",
        ]),
    ])
  }

  @Test("retries, fallbacks, a shared breaker, an unprotected service and a load")
  func retriesFallbacksAndLoads() {
    Self.check([
      Step(
        "breaker api threshold=2",
        [
          "breaker api created: opens at 2 failures within 60s; waits 30s from the last",
          "  failure; 1 trial [threshold=2]",
        ]),
      Step(
        "service api down latency=50ms retries=1 fallback=on",
        ["service api: down, latency 50ms, guarded by api, 1 retry, fallback on"]),
      Step(
        "call api 2",
        [
          "t=50ms  api  call -> failure in 50ms",
          "t=100ms  api  call (attempt 2) -> failure in 50ms; fallback answered",
          "t=100ms  api  CLOSED -> OPEN  (2 failures within 60s)",
          "t=100ms  api  call -> rejected: failed fast (OPEN; trial allowed at t=30s100ms, "
            + "in 30s); fallback answered",
        ]),
      Step(
        "service reports up latency=20ms breaker=api",
        ["service reports: up, latency 20ms, guarded by api"]),
      Step(
        "call reports",
        [
          "t=100ms  reports via api  call -> rejected: failed fast (OPEN; trial allowed at "
            + "t=30s100ms, in 30s)"
        ]),
      Step("service web refuse latency=1s", ["service web: refuse, no breaker"]),
      Step("call web", ["t=100ms  web  call -> failure in 0ms"]),
      Step(
        "load web 10/s for 1s",
        [
          "load web 10/s for 1s: 10 requests",
          "  attempts: 10 failed",
        ]),
    ])
  }

  @Test("a hang ends at the breaker's timeout, and opossum's timer half-opens during advance")
  func opossumTimeoutAndTimer() {
    Self.check([
      Step(
        "breaker search like=opossum reset=5s timeout=2s",
        [
          "breaker search created: like=opossum opens when the error rate > 50% over 10s",
          "  (min 0 calls); waits 5s, then a timer half-opens it; 1 trial; timeout 2s",
          "  [reset=5s timeout=2s]",
        ]),
      Step("service search hang", ["service search: hang, guarded by search"]),
      Step(
        "call search",
        [
          "t=2s  search  call -> timeout after 2s",
          "t=2s  search  CLOSED -> OPEN  (error rate 100% > 50% over 1 call)",
        ]),
      Step(
        "advance 5s",
        ["t=7s  search  OPEN -> HALF_OPEN  (waited 5s; next call is a trial)", "now t=7s"]),
    ])
  }

  @Test("forced outcomes are counted at once, with the breaker's counters")
  func forcedOutcomes() {
    Self.check([
      Step(
        "breaker pay threshold=2",
        [
          "breaker pay created: opens at 2 failures within 60s; waits 30s from the last",
          "  failure; 1 trial [threshold=2]",
        ]),
      Step("fail pay", ["t=0ms  pay  fail -> failure counted  [1/2 failures within 60s]"]),
      Step("succeed pay", ["t=0ms  pay  succeed -> success counted  [1/2 failures within 60s]"]),
      Step(
        "fail pay 2",
        [
          "t=0ms  pay  fail -> failure counted",
          "t=0ms  pay  CLOSED -> OPEN  (2 failures within 60s)",
          "t=0ms  pay  fail -> rejected: failed fast (OPEN; trial allowed at t=30s, in 30s)",
        ]),
    ])
  }

  @Test("a call that hangs with nothing to time it out says so, and the clock stays")
  func stuckCall() {
    Self.check([
      Step("service db hang latency=5ms", ["service db: hang, no breaker"]),
      Step(
        "call db 3",
        [
          "t=0ms  db  call still in flight: the service hangs and nothing times it out (set "
            + "'timeout=' on its breaker or service)"
        ]),
    ])
  }

  @Test("advancing by the largest accepted duration fires the timers due on the way")
  func advanceToTheFarFuture() {
    Self.check([
      Step(
        "breaker search like=opossum reset=1h",
        [
          "breaker search created: like=opossum opens when the error rate > 50% over 10s",
          "  (min 0 calls); waits 60m, then a timer half-opens it; 1 trial; timeout 10s",
          "  [reset=60m]",
        ]),
      Step(
        "fail search",
        [
          "t=0ms  search  fail -> failure counted",
          "t=0ms  search  CLOSED -> OPEN  (error rate 100% > 50% over 1 call)",
        ]),
      Step(
        "advance \(DurationText.format(DurationText.maximum))",
        [
          "t=60m  search  OPEN -> HALF_OPEN  (waited 60m; next call is a trial)",
          "now t=\(DurationText.format(DurationText.maximum))",
        ]),
    ])
  }
}
