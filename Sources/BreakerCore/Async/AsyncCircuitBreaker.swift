import Synchronization

/// A circuit breaker for async code: wraps calls to a dependency and fails fast while it is
/// down.
///
/// It owns one ``CircuitBreaker`` value behind a `Mutex` and feeds it times read from `clock`,
/// as whole milliseconds since the breaker was created. Everything that decides (applying due
/// timers, admitting a call, taking a HALF_OPEN trial slot) happens inside the lock, *before*
/// the operation first suspends, so a burst of concurrent calls can never overrun the trial
/// limit. The operation itself runs outside the lock.
///
/// ```swift
/// let breaker = AsyncCircuitBreaker(Preset.lesson.configuration) { transition in
///   print("\(transition.from.label) -> \(transition.to.label): \(transition.reason.text)")
/// }
/// do {
///   let profile = try await breaker.run { try await profiles.fetch(id) }
///   show(profile)
/// } catch let error as AsyncCircuitBreaker<ContinuousClock>.OpenError {
///   print(error)   // circuit is OPEN; failing fast; a trial is allowed in 12s
/// }
/// ```
///
/// Due timers (`half-open=timer`, periodic evaluation) are applied lazily whenever the breaker
/// is used or read, each with the timer's own time. The `serialized` setting is not applied:
/// calls run concurrently.
public final class AsyncCircuitBreaker<C: Clock>: Sendable where C.Duration == Duration {
  /// The error thrown for a rejected call, with this breaker's clock instants.
  public typealias OpenError = BreakerOpenError<C.Instant>

  /// The clock that times calls, timeouts and waits.
  public let clock: C
  /// The instant the breaker was created; breaker time 0.
  public let origin: C.Instant
  /// The configuration in force.
  public let configuration: BreakerConfiguration

  private let guarded: Mutex<Guarded>
  private let onTransition: (@Sendable (Transition) -> Void)?

  /// The state behind the lock.
  private struct Guarded {
    var breaker: CircuitBreaker
    /// The latest breaker time used, so the machine never sees time go backwards.
    var latest: Milliseconds = 0
    /// Transitions waiting to be handed to `onTransition`, oldest first.
    var pending: [Transition] = []
    /// Whether some caller is delivering `pending` right now.
    var delivering = false
  }

  /// Creates a CLOSED breaker whose time starts at `clock.now`.
  /// - Parameters:
  ///   - configuration: A validated configuration (see ``BreakerConfiguration/validated()``).
  ///   - clock: The clock for call times, timeouts and waits.
  ///   - onTransition: Called with every state change, outside the lock, one at a time and in
  ///     order; possibly on the task of another caller than the one that caused it. It may use
  ///     the breaker.
  public init(
    _ configuration: BreakerConfiguration, clock: C,
    onTransition: (@Sendable (Transition) -> Void)? = nil
  ) {
    self.clock = clock
    self.origin = clock.now
    self.configuration = configuration
    self.guarded = Mutex(Guarded(breaker: CircuitBreaker(configuration, at: 0)))
    self.onTransition = onTransition
  }

  // MARK: - Reading

  /// The current state, after applying any timer that is due.
  public var state: BreakerState { withBreaker { breaker, _ in (breaker.state, nil) } }

  /// The manual override in force.
  public var mode: BreakerMode { withBreaker { breaker, _ in (breaker.mode, nil) } }

  /// A copy of the whole state machine, after applying any timer that is due; for display.
  public var snapshot: CircuitBreaker { withBreaker { breaker, _ in (breaker, nil) } }

  /// The breaker time of `instant`: whole milliseconds since ``origin``, never negative.
  /// - Parameter instant: An instant of ``clock``.
  /// - Returns: The breaker time, in milliseconds.
  public func milliseconds(at instant: C.Instant) -> Milliseconds {
    origin.duration(to: instant).wholeMilliseconds
  }

  /// The clock instant of a breaker time, such as ``Transition/at``.
  /// - Parameter milliseconds: A breaker time.
  /// - Returns: The instant ``origin`` plus `milliseconds`.
  public func instant(at milliseconds: Milliseconds) -> C.Instant {
    origin.advanced(by: .milliseconds(milliseconds))
  }

  // MARK: - Running

  /// Runs `operation` if the breaker admits it, and records how it ended.
  ///
  /// The call is admitted or rejected synchronously, inside the lock; only then does the
  /// operation run. A value counts as a success, a thrown `CancellationError` as neither
  /// success nor failure (a HALF_OPEN trial slot is given back), any other error as a
  /// failure. With a `timeout` configured, the operation races `clock.sleep`; if the clock
  /// wins, the breaker records a timeout at once and cancels the operation.
  /// - Parameter operation: The protected call. It runs in a child task when a timeout is
  ///   configured, hence `@escaping`.
  /// - Returns: What `operation` returned.
  /// - Throws: ``BreakerOpenError`` when the call is rejected (the operation does not run);
  ///   ``BreakerTimeoutError`` when it took longer than `timeout`; `CancellationError` when the
  ///   calling task was already cancelled; otherwise whatever `operation` threw.
  public func run<T: Sendable>(
    _ operation: @escaping @Sendable () async throws -> T
  ) async throws -> T {
    try Task.checkCancellation()
    let permit = try admit()
    let completion: Completion<T>
    do {
      completion = try await execute(operation, permit: permit)
    } catch {
      finish(error is CancellationError ? .ignored : .failure, for: permit)
      throw error
    }
    switch completion {
    case .finished(let value):
      finish(.success, for: permit)
      return value
    case .timedOut(let error):
      throw error
    }
  }

  /// How an admitted call ended when it did not throw.
  private enum Completion<T: Sendable>: Sendable {
    case finished(T)
    /// Already recorded as a timeout.
    case timedOut(BreakerTimeoutError)
  }

  /// Reserves a permit, or throws the rejection.
  private func admit() throws(OpenError) -> Permit {
    let result: Result<Permit, OpenError> = withBreaker { breaker, now in
      let decision = breaker.acquire(at: now)
      switch decision.admission {
      case .admitted(let permit):
        return (.success(permit), decision.transition)
      case .rejected(let rejection):
        let error = openError(rejection, state: breaker.state, now: now)
        return (.failure(error), decision.transition)
      }
    }
    return try result.get()
  }

  private func openError(
    _ rejection: Rejection, state: BreakerState, now: Milliseconds
  ) -> OpenError {
    guard case .open(let trialAt) = rejection else {
      return OpenError(state: state, reason: rejection)
    }
    return OpenError(
      state: state, reason: rejection, retryAt: instant(at: trialAt),
      retryAfter: .milliseconds(max(0, trialAt - now)))
  }

  /// Runs the operation, racing it with the clock when a timeout is configured.
  private func execute<T: Sendable>(
    _ operation: @escaping @Sendable () async throws -> T, permit: Permit
  ) async throws -> Completion<T> {
    guard let limit = configuration.timeout else {
      return .finished(try await operation())
    }
    let timeout = Duration.milliseconds(limit)
    let deadline = clock.now.advanced(by: timeout)
    let clock = self.clock
    return try await withThrowingTaskGroup(of: Completion<T>.self) { group in
      defer { group.cancelAll() }
      group.addTask { .finished(try await operation()) }
      group.addTask {
        try await clock.sleep(until: deadline, tolerance: nil)
        return .timedOut(BreakerTimeoutError(timeout: timeout))
      }
      // Never nil: the group holds two tasks. The first to end decides.
      let first = try await group.next() ?? .timedOut(BreakerTimeoutError(timeout: timeout))
      if case .timedOut = first {
        finish(.timeout, for: permit)
      }
      return first
    }
  }

  /// Records an outcome at the current time.
  private func finish(_ outcome: Outcome, for permit: Permit) {
    withBreaker { breaker, now in
      ((), breaker.record(outcome, for: permit, at: now).transition)
    }
  }

  // MARK: - Locking

  /// Runs `body` on the breaker inside the lock at the current breaker time, after applying
  /// every due timer; then hands the transitions made to `onTransition`, outside the lock.
  ///
  /// The clock is read inside the lock so that the machine sees times in order.
  private func withBreaker<R: Sendable>(
    _ body: (inout CircuitBreaker, Milliseconds) -> (R, Transition?)
  ) -> R {
    let (result, mustDeliver) = guarded.withLock { guarded in
      let now = max(guarded.latest, milliseconds(at: clock.now))
      guarded.latest = now
      var made: [Transition] = []
      while let transition = guarded.breaker.advance(to: now) {
        made.append(transition)
      }
      let (result, transition) = body(&guarded.breaker, now)
      if let transition { made.append(transition) }
      guard onTransition != nil, !made.isEmpty else { return (result, false) }
      guarded.pending += made
      guard !guarded.delivering else { return (result, false) }
      guarded.delivering = true
      return (result, true)
    }
    if mustDeliver { deliverPending() }
    return result
  }

  /// Hands pending transitions to `onTransition`, in order, until none is left.
  ///
  /// Only one caller delivers at a time; the others leave their transitions in `pending`.
  private func deliverPending() {
    guard let onTransition else { return }
    while true {
      let batch = guarded.withLock { guarded in
        defer { guarded.pending.removeAll() }
        if guarded.pending.isEmpty { guarded.delivering = false }
        return guarded.pending
      }
      if batch.isEmpty { return }
      for transition in batch { onTransition(transition) }
    }
  }
}

extension AsyncCircuitBreaker where C == ContinuousClock {
  /// Creates a CLOSED breaker on the continuous clock, for production use.
  /// - Parameters:
  ///   - configuration: A validated configuration (see ``BreakerConfiguration/validated()``).
  ///   - onTransition: Called with every state change, outside the lock, in order.
  public convenience init(
    _ configuration: BreakerConfiguration,
    onTransition: (@Sendable (Transition) -> Void)? = nil
  ) {
    self.init(configuration, clock: ContinuousClock(), onTransition: onTransition)
  }
}
