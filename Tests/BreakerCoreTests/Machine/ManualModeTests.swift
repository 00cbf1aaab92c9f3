import BreakerCore
import Testing

/// The manual overrides on top of the state machine (forced open, disabled, metrics only) and
/// forcing a state by hand, as resilience4j's special states and `transitionTo...` methods do.
@Suite("Manual modes and forced states")
struct ManualModeTests {
  /// A lesson breaker moved by hand into `state` at time 0.
  static func breaker(
    in state: BreakerState, _ preset: Preset = .lesson, _ settings: [String] = []
  ) throws -> CircuitBreaker {
    var breaker = CircuitBreaker(try BreakerHarness.configuration(preset, settings), at: 0)
    _ = breaker.force(state, at: 0)
    #expect(breaker.state == state)
    return breaker
  }

  @Test("forced-open rejects every call, whatever the state", arguments: BreakerState.allCases)
  func forcedOpenRejects(_ state: BreakerState) throws {
    var breaker = try Self.breaker(in: state)
    breaker.setMode(.forcedOpen)
    #expect(breaker.mode == .forcedOpen)
    for time in [Milliseconds(1), 30_000, 1_000_000] {
      let decision = breaker.acquire(at: time)
      #expect(decision.admission == .rejected(.forcedOpen))
      #expect(decision.transition == nil)
    }
    #expect(breaker.state == state)
    breaker.setMode(.normal)
    #expect(breaker.acquire(at: 1_000_001).admission.permit != nil)
  }

  @Test("forced-open stops a timer breaker from half-opening")
  func forcedOpenStopsTimers() throws {
    var harness = try BreakerHarness(.opossum)
    harness.run("0:F")
    var breaker = harness.breaker
    breaker.setMode(.forcedOpen)
    #expect(breaker.nextDeadline == nil)
    #expect(breaker.advance(to: 120_000) == nil)
    #expect(breaker.state == .open)
  }

  @Test("disabled admits every call and records nothing", arguments: BreakerState.allCases)
  func disabledPassesThrough(_ state: BreakerState) throws {
    var breaker = try Self.breaker(in: state)
    let before = (breaker.trialAt, breaker.lastFailureAt, breaker.generation)
    breaker.setMode(.disabled)
    for time in Milliseconds(1)...20 {
      let decision = breaker.acquire(at: time)
      let permit = try #require(decision.admission.permit)
      let recording = breaker.record(.failure, for: permit, at: time)
      #expect(recording.effect == .passedThrough)
      #expect(recording.transition == nil)
    }
    #expect(breaker.state == state)
    #expect(breaker.trialAt == before.0)
    #expect(breaker.lastFailureAt == before.1)
    #expect(breaker.generation == before.2)
  }

  @Test("Failures while disabled are not remembered afterwards")
  func disabledForgets() throws {
    var breaker = CircuitBreaker(Preset.lesson.configuration, at: 0)
    breaker.setMode(.disabled)
    #expect(breaker.calls(.failure, at: 0..<20).isEmpty)
    breaker.setMode(.normal)
    #expect(breaker.calls(.failure, at: 20...23).isEmpty)
    #expect(breaker.calls(.failure, at: [24]) == ["24: CLOSED->OPEN (5 failures within 60s)"])
  }

  @Test("disabled does not count rejected-call fires either (opossum)")
  func disabledCountsNoFires() throws {
    var breaker = CircuitBreaker(Preset.opossum.configuration, at: 0)
    breaker.setMode(.disabled)
    for time in Milliseconds(0)..<10 {
      let decision = breaker.acquire(at: time)
      let permit = try #require(decision.admission.permit)
      _ = breaker.record(.success, for: permit, at: time)
    }
    breaker.setMode(.normal)
    let decision = breaker.acquire(at: 10)
    let permit = try #require(decision.admission.permit)
    let trip = breaker.record(.failure, for: permit, at: 10).transition
    #expect(trip?.line == "10: CLOSED->OPEN (error rate 100% > 50% over 1 call)")
  }

  @Test("metrics-only records outcomes but never changes state")
  func metricsOnlyRecords() throws {
    var breaker = CircuitBreaker(Preset.lesson.configuration, at: 0)
    breaker.setMode(.metricsOnly)
    for time in Milliseconds(0)..<10 {
      let decision = breaker.acquire(at: time)
      let permit = try #require(decision.admission.permit)
      let recording = breaker.record(.failure, for: permit, at: time)
      #expect(recording.effect == .counted)
      #expect(recording.transition == nil)
    }
    #expect(breaker.state == .closed)
    #expect(breaker.lastFailureAt == 9)
    breaker.setMode(.normal)
    let decision = breaker.acquire(at: 10)
    let permit = try #require(decision.admission.permit)
    let trip = breaker.record(.failure, for: permit, at: 10).transition
    #expect(trip?.line == "10: CLOSED->OPEN (5 failures within 60s)")
  }

  @Test("metrics-only runs no snapshot and no timer")
  func metricsOnlyHasNoDeadlines() throws {
    var hystrix = CircuitBreaker(Preset.hystrix.configuration, at: 0)
    hystrix.setMode(.metricsOnly)
    for time in Milliseconds(0)..<30 {
      let decision = hystrix.acquire(at: time)
      let permit = try #require(decision.admission.permit)
      _ = hystrix.record(.failure, for: permit, at: time)
    }
    #expect(hystrix.nextDeadline == nil)
    #expect(hystrix.advance(to: 5_000) == nil)
    #expect(hystrix.state == .closed)
    hystrix.setMode(.normal)
    let decision = hystrix.acquire(at: 5_100)
    let permit = try #require(decision.admission.permit)
    _ = hystrix.record(.failure, for: permit, at: 5_100)
    #expect(hystrix.nextDeadline == 5_500)
    let trip = hystrix.advance(to: 5_500)
    #expect(trip?.line == "5500: CLOSED->OPEN (error rate 100% >= 50% over 31 calls)")

    var opossum = try Self.breaker(in: .open, .opossum)
    opossum.setMode(.metricsOnly)
    #expect(opossum.nextDeadline == nil)
    #expect(opossum.advance(to: 100_000) == nil)
    #expect(opossum.state == .open)
  }

  @Test("metrics-only: a failed trial does not reopen")
  func metricsOnlyInHalfOpen() throws {
    var breaker = try Self.breaker(in: .halfOpen)
    breaker.setMode(.metricsOnly)
    let decision = breaker.acquire(at: 1)
    let permit = try #require(decision.admission.permit)
    #expect(breaker.record(.failure, for: permit, at: 1).transition == nil)
    #expect(breaker.state == .halfOpen)
  }

  @Test("force moves the state by hand, once")
  func forceTransition() throws {
    var breaker = CircuitBreaker(Preset.pybreaker.configuration, at: 0)
    let generation = breaker.generation
    let opened = breaker.force(.open, at: 100)
    #expect(opened == Transition(from: .closed, to: .open, at: 100, reason: .manual))
    #expect(opened?.reason.text == "forced by hand")
    #expect(breaker.generation != generation)
    #expect(breaker.trialAt == 60_100)
    #expect(breaker.force(.open, at: 200) == nil)
    #expect(breaker.trialAt == 60_100)
    #expect(breaker.acquire(at: 60_099).admission == .rejected(.open(trialAt: 60_100)))
    #expect(breaker.acquire(at: 60_100).transition?.to == .halfOpen)
  }

  @Test("Forcing OPEN waits a full reset from now, even after an old failure")
  func forcedOpenWaitsFromNow() throws {
    var harness = try BreakerHarness(.lesson)
    harness.run("0:F")
    var breaker = harness.breaker
    _ = breaker.force(.open, at: 100_000)
    #expect(breaker.trialAt == 130_000)
    #expect(breaker.acquire(at: 129_999).admission.permit == nil)
    #expect(breaker.acquire(at: 130_000).admission.permit?.isTrial == true)
  }

  @Test("Forcing OPEN on a timer breaker starts its timer")
  func forcedOpenTimer() throws {
    var breaker = CircuitBreaker(Preset.opossum.configuration, at: 0)
    _ = breaker.force(.open, at: 5)
    #expect(breaker.nextDeadline == 30_005)
    #expect(
      breaker.advance(to: 30_005)?.line
        == "30005: OPEN->HALF_OPEN (waited 30s; next call is a trial)")
  }

  @Test("Forcing CLOSED forgets failures and the backoff")
  func forcedClosedResets() throws {
    var harness = try BreakerHarness(.lesson, ["backoff=2"])
    harness.run("0..4:F 30004:F")
    var breaker = harness.breaker
    #expect(breaker.openWait == 60_000)
    let closed = breaker.force(.closed, at: 40_000)
    #expect(closed?.line == "40000: OPEN->CLOSED (forced by hand)")
    #expect(breaker.openings == 0)
    var log: [String] = []
    for time in Milliseconds(40_001)...40_005 {
      let decision = breaker.acquire(at: time)
      let permit = try #require(decision.admission.permit)
      if let transition = breaker.record(.failure, for: permit, at: time).transition {
        log.append(transition.line)
      }
    }
    #expect(log == ["40005: CLOSED->OPEN (5 failures within 60s)"])
    #expect(breaker.trialAt == 70_005)
  }

  @Test("Forcing HALF_OPEN starts a fresh trial episode")
  func forcedHalfOpen() throws {
    var breaker = try Self.breaker(in: .open, .lesson)
    let moved = breaker.force(.halfOpen, at: 10)
    #expect(moved?.line == "10: OPEN->HALF_OPEN (forced by hand)")
    let trial = breaker.acquire(at: 11)
    #expect(trial.admission.permit?.isTrial == true)
    #expect(breaker.acquire(at: 12).admission == .rejected(.trialsTaken(limit: 1)))
  }

  @Test("gobreaker: results of calls admitted before a forced change are dropped")
  func forcedChangeMakesPermitsStale() throws {
    var breaker = CircuitBreaker(Preset.gobreaker.configuration, at: 0)
    let decision = breaker.acquire(at: 0)
    let permit = try #require(decision.admission.permit)
    _ = breaker.force(.open, at: 1)
    _ = breaker.force(.closed, at: 2)
    #expect(breaker.record(.failure, for: permit, at: 3).effect == .stale)
    #expect(breaker.consecutiveFailures == 0)
  }
}
