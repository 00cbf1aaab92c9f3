import BreakerCore

/// One breaker in the world: the state machine, its counters and its timeline marks.
public struct BreakerSlot: Sendable {
  public var name: String
  public var breaker: CircuitBreaker
  public var stats = BreakerStats()
  /// Every transition so far, oldest first, capped (see ``World/transitionLogLimit``).
  public var transitions: [Transition] = []
  /// Transitions dropped from the front of ``transitions`` by the cap.
  public var droppedTransitions = 0
  /// When the breaker was first created (a reconfiguration keeps it).
  public internal(set) var createdAt: Milliseconds
  /// A serialised breaker's lock: whether a call holds it.
  var lockHeld = false
  /// The deadline already on the world's event queue for this breaker's timers.
  var scheduledDeadline: Milliseconds?

  init(name: String, breaker: CircuitBreaker) {
    self.name = name
    self.breaker = breaker
    self.createdAt = breaker.origin
  }

  /// The breaker's next timer if it is not on the world's queue yet, which it then marks as
  /// scheduled; `nil` when there is no timer or it is already queued.
  mutating func takeUnscheduledDeadline(now: Milliseconds) -> Milliseconds? {
    guard let deadline = breaker.nextDeadline else { return nil }
    if let scheduled = scheduledDeadline, scheduled <= deadline, scheduled >= now {
      return nil
    }
    scheduledDeadline = deadline
    return deadline
  }
}

extension BreakerSlot {
  /// Asks the breaker whether an attempt may go ahead at `now`, and counts it: a rejected one
  /// as a rejection (and a fallback when `fallback` answers instead); an admitted one as in
  /// flight, and it takes a serialised breaker's lock.
  ///
  /// One mutating call per attempt: every `slots[index].…` write from the world checks the
  /// array's uniqueness again.
  /// - Returns: The breaker's decision, and whether it has a timer now (if not, and nothing
  ///   changes the breaker before, ``World/syncTimer(ofBreaker:)`` has nothing to do).
  @inline(__always)
  mutating func acquire(
    at now: Milliseconds, fallback: Bool
  ) -> (decision: Decision, hasTimer: Bool) {
    let decision = breaker.acquire(at: now)
    stats.calls += 1
    switch decision.admission {
    case .rejected:
      stats.rejections += 1
      if fallback { stats.fallbacks += 1 }
    case .admitted:
      stats.inFlight += 1
      if breaker.configuration.serialized { lockHeld = true }
    }
    return (decision, breaker.nextDeadline != nil)
  }

  /// Records how an admitted attempt ended, and counts it: one fewer in flight, its result
  /// (only as `uncounted` if the breaker dropped it), the time its caller waited; a serialised
  /// breaker's lock is free again.
  /// - Returns: Whether the breaker dropped the result, the transition it caused, and whether
  ///   it has a timer now (as for ``acquire(at:fallback:)``).
  @inline(__always)
  mutating func recordEnd(
    _ result: CallResult, permit: Permit, fellBack: Bool, startedAt: Milliseconds,
    at now: Milliseconds
  ) -> (uncounted: Bool, transition: Transition?, hasTimer: Bool) {
    stats.inFlight -= 1
    let outcome: Outcome =
      switch result {
      case .success: .success
      case .timeout: .timeout
      default: .failure
      }
    let recording = breaker.record(outcome, for: permit, at: now)
    let uncounted = recording.effect == .stale || recording.effect == .neutral
    stats.count(result, fellBack: fellBack, uncounted: uncounted)
    stats.waitingMillis += now - startedAt
    if breaker.configuration.serialized { lockHeld = false }
    return (uncounted, recording.transition, breaker.nextDeadline != nil)
  }
}
