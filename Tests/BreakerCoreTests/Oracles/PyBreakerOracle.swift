/// A literal port of pybreaker 1.4.1 (`danielfm/pybreaker`, `src/pybreaker/__init__.py`, the
/// PyPI sdist `pybreaker-1.4.1.tar.gz`), with the default `CircuitMemoryStorage`.
///
/// What is ported, class by class (see `docs/research/pybreaker.md`):
/// - `CircuitBreaker.call` holds an `RLock` around the whole protected call, so calls never
///   overlap. The test generator guarantees this too: every admitted call is settled before the
///   next `acquire`.
/// - `CircuitBreakerState._handle_error` increments the failure counter, *then* runs the state's
///   `on_failure`. `_handle_success` resets the failure counter, then runs `on_success`.
/// - `CircuitClosedState.on_failure` opens when `counter >= fail_max` (checked after the
///   increment), so the `fail_max`-th consecutive failure trips. Entering CLOSED resets the
///   failure counter.
/// - `CircuitOpenState.call` is `before_call`: it rejects while `now < opened_at + reset_timeout`;
///   otherwise it calls `half_open()` and re-enters `CircuitBreaker.call`, so the call that finds
///   the timeout elapsed is itself the first half-open trial. There is no timer.
/// - `CircuitHalfOpenState`: every call is admitted (the lock makes later callers wait, not fail).
///   A failure calls `open()`. A success increments the success counter and calls `close()` once
///   `success_counter >= success_threshold`. Entering OPEN or HALF_OPEN resets the success counter;
///   `close()` resets it too. The failure counter is *not* reset on entering HALF_OPEN or OPEN.
/// - `open()` sets `opened_at = now` every time it is called.
///
/// Outcomes: `.timeout` is a failure (pybreaker has no timeout of its own). pybreaker's excluded
/// exceptions (`exclude=`) take the success path (`_handle_success`); `OracleOutcome` has no such
/// case, so they are not modelled here.
///
/// Times are milliseconds of virtual time; pybreaker's `reset_timeout` is in seconds.
struct PyBreakerOracle: BreakerOracle {
  /// `fail_max`: consecutive failures that open the breaker.
  let failMax: Int
  /// `reset_timeout`, in milliseconds.
  let resetTimeout: Int64
  /// `success_threshold`: consecutive half-open successes that close the breaker.
  let successThreshold: Int

  /// `CircuitMemoryStorage._state`. The breaker starts CLOSED, created with `notify=False`.
  private var state: OracleState = .closed
  /// `CircuitMemoryStorage._fail_counter`.
  private var failCounter = 0
  /// `CircuitMemoryStorage._success_counter`.
  private var successCounter = 0
  /// `CircuitMemoryStorage._opened_at` (`None` until the first `open()`).
  private var openedAt: Int64?
  /// Admitted, unsettled calls and the state object that ran each one (`self` in
  /// `_handle_error` / `_handle_success`). Under the lock this is always the current state.
  private var inFlight: [Int: OracleState] = [:]

  init(failMax: Int = 5, resetTimeout: Int64 = 60_000, successThreshold: Int = 1) {
    self.failMax = failMax
    self.resetTimeout = resetTimeout
    self.successThreshold = successThreshold
  }

  mutating func apply(_ step: OracleStep, log: inout OracleLog) -> Bool? {
    switch step {
    case .acquire(let id, let at):
      return call(id: id, now: at, log: &log)
    case .settle(let id, let at, let outcome):
      settle(id: id, now: at, outcome: outcome, log: &log)
      return nil
    case .advance:
      // pybreaker has no timers: OPEN -> HALF_OPEN only happens inside `call`.
      return nil
    }
  }

  // MARK: - CircuitBreaker.call / state.call

  /// `CircuitBreaker.call` -> `self.state.call(...)`. Returns whether `func` runs.
  private mutating func call(id: Int, now: Int64, log: inout OracleLog) -> Bool {
    switch state {
    case .open:
      // `CircuitOpenState.before_call`.
      if let openedAt, now < openedAt + resetTimeout {
        return false  // raise CircuitBreakerError("Timeout not elapsed yet, ...")
      }
      halfOpen(now: now, log: &log)
      // `return self._breaker.call(func, ...)`: the half-open state object runs the call.
      inFlight[id] = .halfOpen
      return true
    case .closed, .halfOpen:
      // `CircuitBreakerState.call`: `before_call` is a no-op; `func` runs.
      inFlight[id] = state
      return true
    }
  }

  /// The end of `CircuitBreakerState.call`: `_handle_success()` or `_handle_error(e)`.
  private mutating func settle(
    id: Int, now: Int64, outcome: OracleOutcome, log: inout OracleLog
  ) {
    guard let ranIn = inFlight.removeValue(forKey: id) else { return }
    switch outcome {
    case .success:
      handleSuccess(ranIn: ranIn, now: now, log: &log)
    case .failure, .timeout:
      handleError(ranIn: ranIn, now: now, log: &log)
    }
  }

  /// `CircuitBreakerState._handle_error` for a system error (`is_system_error` is true).
  private mutating func handleError(ranIn: OracleState, now: Int64, log: inout OracleLog) {
    failCounter += 1  // `self._breaker._inc_counter()`
    switch ranIn {
    case .closed:
      // `CircuitClosedState.on_failure`.
      if failCounter >= failMax {
        open(now: now, log: &log)
      }
    case .halfOpen:
      // `CircuitHalfOpenState.on_failure`.
      open(now: now, log: &log)
    case .open:
      // `CircuitBreakerState.on_failure` is a no-op (an OPEN state object never runs `func`).
      break
    }
  }

  /// `CircuitBreakerState._handle_success`.
  private mutating func handleSuccess(ranIn: OracleState, now: Int64, log: inout OracleLog) {
    failCounter = 0  // `self._breaker._state_storage.reset_counter()`
    if ranIn == .halfOpen {
      // `CircuitHalfOpenState.on_success`.
      successCounter += 1
      if successCounter >= successThreshold {
        close(now: now, log: &log)
      }
    }
  }

  // MARK: - CircuitBreaker.open / half_open / close

  /// `CircuitBreaker.open`: `opened_at = now`, then the state setter.
  private mutating func open(now: Int64, log: inout OracleLog) {
    openedAt = now
    setState(.open, now: now, log: &log)
  }

  /// `CircuitBreaker.half_open`.
  private mutating func halfOpen(now: Int64, log: inout OracleLog) {
    setState(.halfOpen, now: now, log: &log)
  }

  /// `CircuitBreaker.close`: resets the success counter, then the state setter.
  private mutating func close(now: Int64, log: inout OracleLog) {
    successCounter = 0
    setState(.closed, now: now, log: &log)
  }

  /// The `CircuitBreaker.state` setter: it always builds a new state object with `notify=True`,
  /// even when the state is unchanged, and each state's `__init__` resets a counter.
  /// Only real changes are recorded as transitions.
  private mutating func setState(_ next: OracleState, now: Int64, log: inout OracleLog) {
    let previous = state
    state = next
    switch next {
    case .closed:
      failCounter = 0  // `CircuitClosedState.__init__`
    case .open, .halfOpen:
      successCounter = 0  // `CircuitOpenState.__init__`, `CircuitHalfOpenState.__init__`
    }
    if previous != next {
      log.transitions.append(OracleTransition(at: now, from: previous, to: next))
    }
  }
}
