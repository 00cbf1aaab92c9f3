import BreakerCore
import Testing

/// The async face of the breaker: real concurrency, a manual clock, no real waiting.
@Suite("AsyncCircuitBreaker runs real async calls", .timeLimit(.minutes(1)))
struct AsyncBreakerTests {
  typealias Breaker = AsyncCircuitBreaker<ManualClock>

  struct ServiceError: Error, Equatable {}

  /// What one of many concurrent calls saw.
  enum CallResult: Sendable, Equatable {
    case succeeded
    case rejected(BreakerState, Rejection)
    case failed(String)
  }

  /// Fails calls through `breaker` until it opens; returns how many it took.
  @discardableResult
  static func trip(_ breaker: Breaker, limit: Int = 1000) async -> Int {
    var calls = 0
    while breaker.state != .open, calls < limit {
      calls += 1
      _ = try? await breaker.run { () async throws -> Int in throw ServiceError() }
    }
    return calls
  }

  // MARK: - (1) Open, fail fast, recover

  @Test("failures open it, calls fail fast with a diagnostic, a trial after reset closes it")
  func opensFailsFastAndRecovers() async throws {
    let clock = ManualClock()
    let log = TransitionLog()
    let breaker = Breaker(Preset.lesson.configuration, clock: clock, onTransition: log.append)

    for call in 1...5 {
      #expect(breaker.state == .closed, "still closed before failure \(call)")
      await #expect(throws: ServiceError.self) {
        try await breaker.run { () async throws -> Int in throw ServiceError() }
      }
    }
    #expect(breaker.state == .open)

    let ran = Counter()
    let error = await #expect(throws: Breaker.OpenError.self) {
      try await breaker.run { ran.increment() }
    }
    #expect(ran.value == 0, "a rejected call must not reach the service")
    #expect(error?.state == .open)
    #expect(error?.reason == .open(trialAt: 30_000))
    #expect(error?.retryAt == clock.now.advanced(by: .seconds(30)))
    #expect(error?.retryAfter == .seconds(30))
    #expect(error?.description == "circuit is OPEN; failing fast; a trial is allowed in 30s")

    clock.advance(by: .seconds(18))
    let later = await #expect(throws: Breaker.OpenError.self) {
      try await breaker.run { ran.increment() }
    }
    #expect(later?.description == "circuit is OPEN; failing fast; a trial is allowed in 12s")
    #expect(later?.retryAt == breaker.instant(at: 30_000))

    clock.advance(by: .seconds(12))
    let value = try await breaker.run { ran.increment() }
    #expect(value == 1)
    #expect(breaker.state == .closed)
    #expect(log.path == ["CLOSED>OPEN", "OPEN>HALF_OPEN", "HALF_OPEN>CLOSED"])
    #expect(log.all.map(\.at) == [0, 30_000, 30_000])
    #expect(log.all.first?.reason == .failuresInWindow(count: 5, window: 60_000))
  }

  // MARK: - (2) Half-open admission under concurrency

  @Test(
    "1,000 concurrent calls in HALF_OPEN: exactly `trials` start, the rest fail fast",
    arguments: [Preset.lesson, .resilience4j])
  func halfOpenAdmitsExactlyTheTrials(preset: Preset) async throws {
    let configuration = preset.configuration
    let trials = try #require(configuration.trials)
    let clock = ManualClock()
    let log = TransitionLog()
    let breaker = Breaker(configuration, clock: clock, onTransition: log.append)
    await Self.trip(breaker)
    #expect(breaker.state == .open)
    // Past the wait: resilience4j admits a trial only once the wait has passed (`>`).
    clock.advance(by: .milliseconds(configuration.reset + 1))

    let callers = 1000
    let gate = Gate()
    let everyoneArrived = Gate()
    let arrived = Counter()
    let started = Counter()
    @Sendable func arrive() {
      if arrived.increment() == callers { everyoneArrived.open() }
    }

    let results = await withTaskGroup(of: CallResult.self) { group in
      for _ in 0..<callers {
        group.addTask {
          do {
            try await breaker.run {
              started.increment()
              arrive()
              await gate.wait()
            }
            return .succeeded
          } catch let error as Breaker.OpenError {
            arrive()
            return .rejected(error.state, error.reason)
          } catch {
            arrive()
            return .failed("\(error)")
          }
        }
      }
      // Every call has now either started its operation (and is parked at the gate) or been
      // rejected; nothing can be admitted late.
      await everyoneArrived.wait()
      #expect(started.value == trials, "exactly the trial calls reached the service")
      #expect(breaker.state == .halfOpen)
      gate.open()
      var results: [CallResult] = []
      for await result in group { results.append(result) }
      return results
    }

    #expect(started.value == trials)
    #expect(results.count(where: { $0 == .succeeded }) == trials)
    #expect(
      results.count(where: { $0 == .rejected(.halfOpen, .trialsTaken(limit: trials)) })
        == callers - trials)
    #expect(results.allSatisfy { if case .failed = $0 { false } else { true } })
    #expect(breaker.state == .closed)
    #expect(log.path == ["CLOSED>OPEN", "OPEN>HALF_OPEN", "HALF_OPEN>CLOSED"])
  }

  @Test("a cancelled trial is neither success nor failure and gives its slot back")
  func cancelledTrialGivesTheSlotBack() async throws {
    let clock = ManualClock()
    let breaker = Breaker(Preset.lesson.configuration, clock: clock)
    await Self.trip(breaker)
    clock.advance(by: .seconds(30))

    await #expect(throws: CancellationError.self) {
      try await breaker.run { () async throws -> Int in throw CancellationError() }
    }
    #expect(breaker.state == .halfOpen)
    #expect(try await breaker.run { 7 } == 7, "the slot was given back")
    #expect(breaker.state == .closed)
  }

  // MARK: - (3) Real clock

  @Test("on the continuous clock a few quick calls pass and are counted")
  func continuousClockSanity() async throws {
    var configuration = Preset.lesson.configuration
    configuration.timeout = 10_000
    let breaker = AsyncCircuitBreaker(configuration)
    #expect(breaker.milliseconds(at: breaker.origin) == 0)

    for value in 1...3 {
      #expect(try await breaker.run { value * 2 } == value * 2)
    }
    // With a 10s timeout the race's timer must be cancelled as soon as the call returns;
    // otherwise this test would take ten seconds.
    let slept = try await breaker.run {
      try await Task.sleep(for: .milliseconds(1))
      return "done"
    }
    #expect(slept == "done")
    await #expect(throws: ServiceError.self) {
      try await breaker.run { () async throws -> Int in throw ServiceError() }
    }
    #expect(breaker.state == .closed)
    #expect(breaker.mode == .normal)
    #expect(breaker.snapshot.consecutiveFailures == 1)
    #expect(breaker.snapshot.lastFailureAt != nil)
  }

  // MARK: - (4) Timeouts

  @Test("a call that outlives `timeout` is cut off and counted as a failure")
  func timeoutCountsAsFailure() async throws {
    let clock = ManualClock()
    var configuration = Preset.lesson.configuration
    configuration.timeout = 10_000
    let log = TransitionLog()
    let breaker = Breaker(configuration, clock: clock, onTransition: log.append)

    // A fast call beats the timer, and the timer's sleep is cancelled.
    #expect(try await breaker.run { 1 } == 1)
    #expect(clock.sleeperCount == 0)

    // A hung call: the timer wins at 10s.
    async let hung = Self.capture(breaker) {
      try await clock.sleep(until: clock.now.advanced(by: .seconds(3600)))
    }
    await clock.waitForSleepers(2)  // the operation and the timeout timer
    clock.advance(by: .seconds(10))
    let error = try #require(await hung as? BreakerTimeoutError)
    #expect(error == BreakerTimeoutError(timeout: .seconds(10)))
    #expect(error.description == "call timed out after 10s; counted as a failure")
    #expect(breaker.snapshot.lastFailureAt == 10_000)
    #expect(clock.sleeperCount == 0, "the hung operation was cancelled")

    // Four more failures open the breaker; after `reset` the trial hangs too, and the
    // timeout reopens it instead of leaving it stuck in HALF_OPEN.
    for _ in 1...4 {
      _ = try? await breaker.run { () async throws -> Int in throw ServiceError() }
    }
    #expect(breaker.state == .open)
    clock.advance(by: .seconds(30))
    async let trial = Self.capture(breaker) {
      try await clock.sleep(until: clock.now.advanced(by: .seconds(3600)))
    }
    await clock.waitForSleepers(2)
    #expect(breaker.state == .halfOpen)
    clock.advance(by: .seconds(10))
    #expect(await trial is BreakerTimeoutError)
    #expect(breaker.state == .open)
    #expect(log.path == ["CLOSED>OPEN", "OPEN>HALF_OPEN", "HALF_OPEN>OPEN"])
    #expect(log.all.last?.reason == .trialFailed)
    #expect(log.all.last?.at == 50_000)
  }

  /// Runs `operation` through `breaker` and returns the error it threw, if any.
  static func capture(
    _ breaker: Breaker, _ operation: @escaping @Sendable () async throws -> Void
  ) async -> (any Error)? {
    do {
      try await breaker.run(operation)
      return nil
    } catch {
      return error
    }
  }
}
