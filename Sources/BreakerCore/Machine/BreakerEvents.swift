/// Why a transition happened, kept as data so that a hot path never builds a string.
public enum TransitionReason: Sendable, Equatable {
  /// The count policy saw `count` failures within `window`.
  case failuresInWindow(count: Int, window: Milliseconds)
  /// The consecutive policy saw `count` failures in a row.
  case consecutiveFailures(count: Int)
  /// The rate policy's error percentage crossed the threshold.
  case errorRate(
    percent: Double, calls: Int, threshold: Double, comparison: BreakerConfiguration.Comparison)
  /// The OPEN wait is over.
  case waitElapsed(Milliseconds)
  /// A trial call failed.
  case trialFailed
  /// Enough trial calls succeeded.
  case trialsSucceeded(count: Int)
  /// The HALF_OPEN trials' error rate decided (resilience4j).
  case trialRate(
    percent: Double, calls: Int, threshold: Double, tripped: Bool,
    comparison: BreakerConfiguration.Comparison)
  /// A call admitted before the latest state change ended while HALF_OPEN and decided it
  /// (libraries without a stale-result guard let such late results act on the new state).
  case lateResult(succeeded: Bool)
  /// Someone forced the state.
  case manual
  /// The breaker was given a new configuration, which starts CLOSED.
  case reconfigured

  /// The reason as the lab prints it, e.g. `5 failures within 60s`.
  public var text: String {
    switch self {
    case .failuresInWindow(let count, let window):
      "\(count) failure\(count == 1 ? "" : "s") within \(DurationText.format(window))"
    case .consecutiveFailures(let count):
      "\(count) consecutive failure\(count == 1 ? "" : "s")"
    case .errorRate(_, 0, _, _):
      "a failure with no calls left in the window: the error rate divides by zero"
    case .errorRate(let percent, let calls, let threshold, let comparison):
      "error rate \(PercentText.format(percent)) \(comparison.rawValue) "
        + "\(PercentText.format(threshold)) over \(calls) call\(calls == 1 ? "" : "s")"
    case .waitElapsed(let wait):
      "waited \(DurationText.format(wait)); next call is a trial"
    case .trialFailed:
      "trial call failed"
    case .trialsSucceeded(let count):
      count == 1 ? "trial call succeeded" : "\(count) trial calls succeeded"
    case .trialRate(let percent, let calls, let threshold, let tripped, let comparison):
      "trial error rate \(PercentText.format(percent)) "
        + "\(tripped ? comparison.rawValue : comparison == .greater ? "<=" : "<") "
        + "\(PercentText.format(threshold)) over \(calls) trial\(calls == 1 ? "" : "s")"
    case .lateResult(let succeeded):
      "a call admitted before the trip \(succeeded ? "succeeded" : "failed") late"
    case .manual:
      "forced by hand"
    case .reconfigured:
      "reconfigured: a new breaker starts CLOSED"
    }
  }
}

/// One state change of a breaker, at the virtual time it happened.
public struct Transition: Sendable, Equatable {
  public var from: BreakerState
  public var to: BreakerState
  public var at: Milliseconds
  public var reason: TransitionReason

  /// Creates a transition.
  public init(from: BreakerState, to: BreakerState, at: Milliseconds, reason: TransitionReason) {
    self.from = from
    self.to = to
    self.at = at
    self.reason = reason
  }
}

/// Proof that a call was admitted, handed back when its outcome is recorded.
public struct Permit: Sendable, Equatable {
  /// The breaker's generation when the call was admitted; it changes on every transition.
  public var generation: UInt64
  /// The state the call was admitted in.
  public var state: BreakerState
  /// Whether the call holds one of the HALF_OPEN trial slots.
  public var isTrial: Bool
  /// When the call was admitted.
  public var at: Milliseconds

  /// Creates a permit (usable from the breaker's inlinable fast paths).
  @inlinable
  init(generation: UInt64, state: BreakerState, isTrial: Bool, at: Milliseconds) {
    self.generation = generation
    self.state = state
    self.isTrial = isTrial
    self.at = at
  }
}

/// Why a call was rejected (failed fast) without reaching the service.
public enum Rejection: Sendable, Equatable {
  /// The breaker is OPEN; a trial is allowed at the given time (`nil` when only a call made
  /// after it can find out, which never happens here but keeps the type honest).
  case open(trialAt: Milliseconds)
  /// HALF_OPEN with every trial slot taken by calls still in flight or already used.
  case trialsTaken(limit: Int)
  /// The breaker is forced open by hand.
  case forcedOpen
}

/// The breaker's answer to a call: admitted with a permit, or rejected.
public enum Admission: Sendable, Equatable {
  case admitted(Permit)
  case rejected(Rejection)

  /// The permit, if admitted.
  @inlinable public var permit: Permit? {
    if case .admitted(let permit) = self { return permit }
    return nil
  }
}

/// The result of ``CircuitBreaker/acquire(at:)``: the admission and any transition it caused.
public struct Decision: Sendable, Equatable {
  public var admission: Admission
  /// A lazy OPEN → HALF_OPEN change made by this call, or a due timer applied first.
  public var transition: Transition?

  /// Creates a decision (usable from the breaker's inlinable fast paths).
  @inlinable
  init(admission: Admission, transition: Transition? = nil) {
    self.admission = admission
    self.transition = transition
  }
}

/// The result of ``CircuitBreaker/record(_:for:at:)``.
public struct Recording: Sendable, Equatable {
  /// What the breaker did with the outcome.
  public enum Effect: Sendable, Equatable {
    /// Counted (it may or may not have caused a transition).
    case counted
    /// Dropped: the call was admitted before the latest state change (`stale-guard`).
    case stale
    /// Neither success nor failure.
    case neutral
    /// Not recorded: the breaker is disabled.
    case passedThrough
  }

  public var effect: Effect
  public var transition: Transition?

  /// Creates a recording (usable from the breaker's inlinable fast paths).
  @inlinable
  init(effect: Effect, transition: Transition? = nil) {
    self.effect = effect
    self.transition = transition
  }
}
