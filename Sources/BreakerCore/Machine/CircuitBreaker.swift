/// The reference circuit breaker: one parameterised state machine for every policy and preset.
///
/// A value type with no I/O that never reads a clock and never sleeps: callers pass the time.
/// Ask before each call with ``acquire(at:)``; report how the call ended with
/// ``record(_:for:at:)``; let timers run with ``advance(to:)`` whenever ``nextDeadline`` is
/// due. Every transition comes back as a ``Transition`` value with its reason.
///
/// ```swift
/// var breaker = CircuitBreaker(Preset.lesson.configuration)
/// for t in 0..<5 {
///   let decision = breaker.acquire(at: Milliseconds(t))
///   if let permit = decision.admission.permit {
///     _ = breaker.record(.failure, for: permit, at: Milliseconds(t))
///   }
/// }
/// breaker.state   // .open
/// ```
///
/// Per call the work is O(1) (the count policy scans at most `threshold` failure times) and
/// memory is fixed by the configuration.
public struct CircuitBreaker: Sendable {
  /// The configuration in force.
  public internal(set) var configuration: BreakerConfiguration
  /// The current state of the machine (see also ``mode``).
  public internal(set) var state: BreakerState = .closed
  /// A manual override on top of ``state``.
  public internal(set) var mode: BreakerMode = .normal
  /// Changes on every transition; permits remember it (gobreaker's generations).
  public internal(set) var generation: UInt64 = 0
  /// When the current state began.
  public internal(set) var stateSince: Milliseconds
  /// While OPEN: when a trial is allowed (lazy) or the state changes (timer).
  public internal(set) var trialAt: Milliseconds = 0
  /// The most recent recorded failure, if any.
  public internal(set) var lastFailureAt: Milliseconds?
  /// How many times the breaker opened since it last closed (drives the backoff).
  public internal(set) var openings = 0
  /// HALF_OPEN bookkeeping for the current episode.
  public internal(set) var trialsAdmitted = 0
  public internal(set) var trialSuccesses = 0
  public internal(set) var trialFailures = 0
  /// Failures in a row (consecutive policy; kept for display by the others).
  public var consecutiveFailures: Int { failureRun }
  /// The storage of ``consecutiveFailures``, which the inlinable fast path of
  /// ``record(_:for:at:)`` resets.
  @usableFromInline var failureRun = 0

  var failureTimes: FailureTimes
  @usableFromInline var rateWindow: RateWindow
  /// When the breaker was created: buckets and snapshots are anchored here.
  public let origin: Milliseconds
  /// The next periodic health snapshot (`evaluate=DURATION`), if one is pending.
  @usableFromInline var nextSnapshot: Milliseconds?

  /// Creates a CLOSED breaker.
  /// - Parameters:
  ///   - configuration: A validated configuration (see ``BreakerConfiguration/validated()``).
  ///   - now: The creation time; time-based windows are anchored here.
  public init(_ configuration: BreakerConfiguration, at now: Milliseconds = 0) {
    self.configuration = configuration
    self.origin = now
    self.stateSince = now
    self.failureTimes = FailureTimes(
      capacity: configuration.policy == .count ? configuration.threshold : 1)
    self.rateWindow = RateWindow(configuration: configuration, origin: now)
  }

  /// Asks whether a call may go ahead at `now`.
  ///
  /// A CLOSED breaker admits; an OPEN one rejects until its wait is over, when the call (lazy)
  /// or the timer moves it to HALF_OPEN; HALF_OPEN admits up to `trials` calls per episode.
  /// - Returns: The admission, and the transition this call caused, if any.
  @inlinable @inline(__always)
  public mutating func acquire(at now: Milliseconds) -> Decision {
    // The two common cases, inlined into the caller: CLOSED with no timer due admits, OPEN
    // before the end of its wait rejects. Both give exactly what `acquireSlowly` gives,
    // including a policy that counts every call in its rate window (opossum) when no
    // periodic snapshot needs arming (`armSnapshot` does nothing then).
    if mode == .normal {
      switch state {
      case .closed where nextSnapshot == nil:
        if configuration.countRejected {
          if case .periodic = configuration.evaluation { break }
          rateWindow.add(calls: 1, failures: 0, at: now)
        }
        let permit = Permit(generation: generation, state: .closed, isTrial: false, at: now)
        return Decision(admission: .admitted(permit), transition: nil)
      case .open where now < trialAt:
        if configuration.countRejected { rateWindow.add(calls: 1, failures: 0, at: now) }
        return Decision(admission: .rejected(.open(trialAt: firstTrialAt)), transition: nil)
      default:
        break
      }
    }
    return acquireSlowly(at: now)
  }

  /// ``acquire(at:)`` in every case.
  @usableFromInline
  mutating func acquireSlowly(at now: Milliseconds) -> Decision {
    var transition: Transition? = nil
    if let deadline = nextDeadline, deadline <= now {
      transition = advance(to: now)
    }
    if configuration.countRejected, mode != .disabled {
      rateWindow.add(calls: 1, failures: 0, at: now)
      armSnapshot(after: now)
    }
    switch mode {
    case .forcedOpen:
      return Decision(admission: .rejected(.forcedOpen), transition: transition)
    case .disabled, .metricsOnly:
      return Decision(admission: .admitted(permit(at: now, trial: false)), transition: transition)
    case .normal:
      break
    }
    switch state {
    case .closed:
      return Decision(admission: .admitted(permit(at: now, trial: false)), transition: transition)
    case .open:
      let waited =
        configuration.resetComparison == .greaterOrEqual ? now >= trialAt : now > trialAt
      guard waited, configuration.halfOpen == .lazy else {
        return Decision(admission: .rejected(.open(trialAt: firstTrialAt)), transition: transition)
      }
      let since =
        configuration.resetFrom == .lastFailure ? (lastFailureAt ?? stateSince) : stateSince
      transition = change(to: .halfOpen, at: now, reason: .waitElapsed(now - since))
      return Decision(admission: admitTrial(at: now), transition: transition)
    case .halfOpen:
      return Decision(admission: admitTrial(at: now), transition: transition)
    }
  }

  private mutating func admitTrial(at now: Milliseconds) -> Admission {
    if let limit = configuration.trials, trialsAdmitted >= limit {
      return .rejected(.trialsTaken(limit: limit))
    }
    trialsAdmitted += 1
    return .admitted(permit(at: now, trial: true))
  }

  @inline(__always)
  private func permit(at now: Milliseconds, trial: Bool) -> Permit {
    Permit(generation: generation, state: state, isTrial: trial, at: now)
  }

  /// Moves to `state`, resetting what the new state starts afresh.
  mutating func change(
    to newState: BreakerState, at now: Milliseconds, reason: TransitionReason
  ) -> Transition {
    let transition = Transition(from: state, to: newState, at: now, reason: reason)
    state = newState
    stateSince = now
    generation &+= 1
    trialsAdmitted = 0
    trialSuccesses = 0
    trialFailures = 0
    switch newState {
    case .open:
      openings += 1
      trialAt = openWaitAnchor(at: now) + openWait
    case .closed:
      openings = 0
    case .halfOpen:
      break
    }
    if configuration.clear == .always || (configuration.clear == .close && newState == .closed) {
      failureTimes.removeAll()
      rateWindow.removeAll()
      failureRun = 0
    }
    nextSnapshot = nil
    if newState == .closed { armSnapshot(after: now) }
    return transition
  }

  /// How long this opening lasts: `reset`, grown by `backoff` per consecutive opening.
  public var openWait: Milliseconds {
    let base = Double(configuration.reset)
    let grown = base * pow(configuration.backoff, Double(max(0, openings - 1)))
    let cap = Double(configuration.backoffCap ?? DurationText.maximum)
    return Milliseconds(min(grown, cap, Double(DurationText.maximum)))
  }

  private func openWaitAnchor(at now: Milliseconds) -> Milliseconds {
    configuration.resetFrom == .lastFailure ? (lastFailureAt ?? now) : now
  }
}

/// `x` raised to the power `y`, by repeated multiplication for the small whole powers used
/// here (avoids a Foundation dependency in the core).
@usableFromInline func pow(_ x: Double, _ y: Double) -> Double {
  // 1 to any power is 1: without this the loop below ran once per opening (`backoff` is 1
  // by default), which made every reopening O(openings).
  if x == 1 { return 1 }
  var result = 1.0
  var count = Int(y)
  while count > 0 && result < 1e18 {
    result *= x
    count -= 1
  }
  return result
}
