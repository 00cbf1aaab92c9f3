extension CircuitBreaker {
  /// Sets the manual override that sits on top of the state machine (resilience4j's special
  /// states).
  ///
  /// - `forcedOpen` rejects every call, whatever the state.
  /// - `disabled` admits every call and records nothing.
  /// - `metricsOnly` admits every call and records outcomes, but never changes state.
  /// - `normal` hands control back to the state machine, which carries on from its state.
  ///
  /// While overridden no timer runs (``nextDeadline`` is `nil`). A pending health snapshot is
  /// dropped; the next recorded outcome arms a new one. An OPEN wait that ended during the
  /// override ends at once on the next ``advance(to:)`` (stamped with its own time) or call.
  /// - Parameter newMode: The override to apply.
  public mutating func setMode(_ newMode: BreakerMode) {
    guard newMode != mode else { return }
    mode = newMode
    nextSnapshot = nil
  }

  /// Moves the state machine to `newState` by hand, as a ``TransitionReason/manual`` transition.
  ///
  /// Forcing OPEN starts a full OPEN wait from `now` (grown by `backoff` like any opening);
  /// forcing CLOSED empties what the `clear` policy empties on close and resets the backoff;
  /// forcing HALF_OPEN starts a fresh trial episode. The ``mode`` is left as it is.
  /// - Parameters:
  ///   - newState: The state to move to.
  ///   - now: The time of the change.
  /// - Returns: The transition, or `nil` when the breaker is already in `newState`.
  public mutating func force(_ newState: BreakerState, at now: Milliseconds) -> Transition? {
    guard newState != state else { return nil }
    let transition = change(to: newState, at: now, reason: .manual)
    if newState == .open { trialAt = now + openWait }
    return transition
  }
}
