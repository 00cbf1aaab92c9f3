extension CircuitBreaker {
  /// The next time at which ``advance(to:)`` has something to do, if any.
  ///
  /// That is the end of the OPEN wait with `half-open=timer`, or the next periodic health
  /// snapshot with `evaluate=DURATION` while there is something in the window.
  @inlinable @inline(__always)
  public var nextDeadline: Milliseconds? {
    guard mode == .normal else { return nil }
    if state == .open, configuration.halfOpen == .timer { return trialAt }
    return state == .closed ? nextSnapshot : nil
  }

  /// Runs every timer due at or before `now`, stopping at the first one that changes state.
  ///
  /// Call it repeatedly (until it returns `nil`) to apply everything due; a transition made by
  /// a timer carries the timer's own time, not `now`.
  /// - Returns: The transition a timer made, if any.
  public mutating func advance(to now: Milliseconds) -> Transition? {
    while let deadline = nextDeadline, deadline <= now {
      if state == .open {
        return change(to: .halfOpen, at: deadline, reason: .waitElapsed(deadline - stateSince))
      }
      nextSnapshot = nil
      // A health snapshot sums the buckets completed by the deadline (Hystrix's stream emits
      // the window of finished buckets), so look at the window as it stood just before it.
      if let reason = tripReason(at: deadline, windowAt: deadline - 1) {
        return change(to: .open, at: deadline, reason: reason)
      }
      armSnapshot(after: deadline)
    }
    return nil
  }

  /// Schedules the next periodic snapshot after `now`, while there is anything to judge.
  mutating func armSnapshot(after now: Milliseconds) {
    guard case .periodic(let interval) = configuration.evaluation, state == .closed else {
      return
    }
    guard !rateWindow.isEmpty else {
      nextSnapshot = nil
      return
    }
    if nextSnapshot == nil {
      nextSnapshot = origin + ((now - origin) / interval + 1) * interval
    }
  }
}
