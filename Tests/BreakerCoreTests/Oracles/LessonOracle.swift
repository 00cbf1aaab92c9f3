/// A literal port of the course's from-scratch TypeScript `CircuitBreaker` (seed material,
/// section 02 "Building a circuit breaker from scratch"), plus one addition, `trialLimit`.
///
/// Ported as written:
/// - `call`: if `state === 'OPEN'`, it becomes `'HALF_OPEN'` when
///   `Date.now() - lastFailureTime >= resetTimeout` and the call proceeds as the trial;
///   otherwise it throws `CircuitOpenError`. There is no timer.
/// - `onSuccess` (run when a call settles, against the state *at that moment*): only in
///   HALF_OPEN, it closes and clears `failures`. A success in CLOSED or OPEN changes nothing,
///   so it does not clear earlier failures.
/// - `onFailure`: sets `lastFailureTime = now`, keeps only failures with `now - t < monitorWindow`,
///   appends `now`; then HALF_OPEN -> OPEN, else OPEN when `failures.length >= failureThreshold`.
///   A late failure while OPEN still moves `lastFailureTime` (and so the half-open time) and
///   re-assigns OPEN, which is not a transition.
/// - `lastFailureTime` starts at 0; OPEN is only reached through `onFailure`, which sets it first.
///
/// Added: `trialLimit`. The TS code admits every call while HALF_OPEN; the lesson text says one
/// test request. While HALF_OPEN at most `trialLimit` calls are admitted per half-open episode
/// (the call that flips OPEN -> HALF_OPEN is the first); extra calls are rejected and change
/// nothing. `nil` means unlimited, which is the TS code exactly. A limit of 0 is degenerate:
/// the breaker flips to HALF_OPEN and then rejects every call.
///
/// Outcomes: `.failure` and `.timeout` both run `onFailure` (the rejected promise). Times are
/// milliseconds of virtual time (`Date.now()`).
struct LessonOracle: BreakerOracle {
  /// `options.failureThreshold`.
  let failureThreshold: Int
  /// `options.resetTimeout`, in milliseconds.
  let resetTimeout: Int64
  /// `options.monitorWindow`, in milliseconds.
  let monitorWindow: Int64
  /// Half-open calls admitted per episode; `nil` = unlimited (the TS code).
  let trialLimit: Int?

  /// `private state: CircuitState = 'CLOSED'`.
  private var state: OracleState = .closed
  /// `private failures: number[] = []`: timestamps of recent failures.
  private var failures: [Int64] = []
  /// `private lastFailureTime: number = 0`.
  private var lastFailureTime: Int64 = 0
  /// Calls admitted since the breaker last entered HALF_OPEN (for `trialLimit`).
  private var trialsAdmitted = 0
  /// Admitted calls that have not settled yet.
  private var inFlight: Set<Int> = []

  init(
    failureThreshold: Int = 5,
    resetTimeout: Int64 = 30_000,
    monitorWindow: Int64 = 60_000,
    trialLimit: Int? = 1
  ) {
    self.failureThreshold = failureThreshold
    self.resetTimeout = resetTimeout
    self.monitorWindow = monitorWindow
    self.trialLimit = trialLimit
  }

  mutating func apply(_ step: OracleStep, log: inout OracleLog) -> Bool? {
    switch step {
    case .acquire(let id, let at):
      return call(id: id, now: at, log: &log)
    case .settle(let id, let at, let outcome):
      guard inFlight.remove(id) != nil else { return nil }
      switch outcome {
      case .success:
        onSuccess(now: at, log: &log)
      case .failure, .timeout:
        onFailure(now: at, log: &log)
      }
      return nil
    case .advance:
      // No timers: OPEN -> HALF_OPEN only happens inside `call`.
      return nil
    }
  }

  /// The synchronous part of `async call(fn)`, up to `await fn()`. Returns whether `fn` runs.
  private mutating func call(id: Int, now: Int64, log: inout OracleLog) -> Bool {
    if state == .open {
      if now - lastFailureTime >= resetTimeout {
        setState(.halfOpen, now: now, log: &log)
      } else {
        return false  // throw new CircuitOpenError('Circuit is OPEN - failing fast')
      }
    }
    // Addition: the half-open trial limit.
    if state == .halfOpen, let trialLimit {
      if trialsAdmitted >= trialLimit {
        return false
      }
      trialsAdmitted += 1
    }
    inFlight.insert(id)
    return true
  }

  /// `private onSuccess()`.
  private mutating func onSuccess(now: Int64, log: inout OracleLog) {
    if state == .halfOpen {
      setState(.closed, now: now, log: &log)
      failures = []
    }
  }

  /// `private onFailure()`.
  private mutating func onFailure(now: Int64, log: inout OracleLog) {
    lastFailureTime = now
    failures = failures.filter { now - $0 < monitorWindow }
    failures.append(now)

    if state == .halfOpen {
      setState(.open, now: now, log: &log)
      return
    }
    if failures.count >= failureThreshold {
      setState(.open, now: now, log: &log)  // a no-op when already OPEN
    }
  }

  /// `this.state = next`, recording real changes as transitions.
  private mutating func setState(_ next: OracleState, now: Int64, log: inout OracleLog) {
    let previous = state
    state = next
    if next == .halfOpen {
      trialsAdmitted = 0
    }
    if previous != next {
      log.transitions.append(OracleTransition(at: now, from: previous, to: next))
    }
  }
}
