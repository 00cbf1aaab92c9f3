extension CircuitBreaker {
  /// Records how an admitted call ended, and applies any transition it causes.
  ///
  /// Outcomes count in every state (a late result from a call admitted earlier still updates
  /// the window, as in most libraries) unless `stale-guard` drops it. While CLOSED a failure
  /// (or, with `evaluate=call`, any outcome) may trip the breaker; while HALF_OPEN the close
  /// rule decides.
  /// - Parameters:
  ///   - outcome: How the call ended.
  ///   - permit: The permit from the call's admission.
  ///   - now: When the call ended.
  @inlinable @inline(__always)
  public mutating func record(
    _ outcome: Outcome, for permit: Permit, at now: Milliseconds
  ) -> Recording {
    // The common case, inlined into the caller: a success while CLOSED when only a failure is
    // judged. It ends the run of consecutive failures, and the rate policy adds it to its
    // window (with no snapshot to arm); nothing else changes. It gives exactly what
    // `recordSlowly` gives in that case.
    if outcome == .success, mode == .normal, state == .closed,
      permit.generation == generation, permit.generation != .max,
      case .onFailure = configuration.evaluation
    {
      failureRun = 0
      if configuration.policy == .rate {
        rateWindow.add(calls: configuration.countRejected ? 0 : 1, failures: 0, at: now)
      }
      return Recording(effect: .counted, transition: nil)
    }
    return recordSlowly(outcome, for: permit, at: now)
  }

  /// ``record(_:for:at:)`` in every case.
  @usableFromInline
  mutating func recordSlowly(
    _ outcome: Outcome, for permit: Permit, at now: Milliseconds
  ) -> Recording {
    if mode == .disabled || permit.generation == .max {
      return Recording(effect: .passedThrough, transition: nil)
    }
    var outcome = outcome
    if outcome == .ignored, configuration.ignored == .success { outcome = .success }
    if configuration.staleGuard, permit.generation != generation {
      return Recording(effect: .stale, transition: nil)
    }
    if outcome == .ignored {
      if state == .halfOpen, permit.isTrial, permit.generation == generation {
        trialsAdmitted -= 1
      }
      return Recording(effect: .neutral, transition: nil)
    }
    let failed = outcome.isFailure
    count(failed: failed, at: now)
    guard mode == .normal else { return Recording(effect: .counted, transition: nil) }

    switch state {
    case .closed:
      let check: Bool
      switch configuration.evaluation {
      case .onFailure: check = failed
      case .onOutcome: check = true
      case .periodic: check = false
      }
      guard check, let reason = tripReason(at: now) else { break }
      return Recording(effect: .counted, transition: change(to: .open, at: now, reason: reason))
    case .open:
      if failed, configuration.resetFrom == .lastFailure {
        trialAt = now + openWait
      }
    case .halfOpen:
      return Recording(
        effect: .counted,
        transition: judgeTrial(failed: failed, late: permit.generation != generation, at: now))
    }
    return Recording(effect: .counted, transition: nil)
  }

  /// Updates the failure counts for one outcome.
  private mutating func count(failed: Bool, at now: Milliseconds) {
    if failed {
      lastFailureAt = now
      failureRun += 1
      if configuration.policy == .count { failureTimes.append(now) }
    } else {
      failureRun = 0
    }
    if configuration.policy == .rate {
      rateWindow.add(calls: configuration.countRejected ? 0 : 1, failures: failed ? 1 : 0, at: now)
      armSnapshot(after: now)
    }
  }

  /// Applies the HALF_OPEN close rule after one more trial outcome.
  /// - Parameter late: Whether the outcome belongs to a call admitted before HALF_OPEN.
  private mutating func judgeTrial(failed: Bool, late: Bool, at now: Milliseconds)
    -> Transition?
  {
    if failed { trialFailures += 1 } else { trialSuccesses += 1 }
    switch configuration.closeRule {
    case .successes:
      if failed {
        return change(
          to: .open, at: now, reason: late ? .lateResult(succeeded: false) : .trialFailed)
      }
      guard trialSuccesses >= configuration.successes else { return nil }
      let reason: TransitionReason =
        late ? .lateResult(succeeded: true) : .trialsSucceeded(count: trialSuccesses)
      return change(to: .closed, at: now, reason: reason)
    case .rate:
      let outcomes = trialSuccesses + trialFailures
      let needed = min(configuration.volume, configuration.trials ?? configuration.volume)
      guard outcomes >= max(1, needed) else { return nil }
      let percent = Double(trialFailures) / Double(outcomes) * 100
      let tripped = exceeds(percent)
      let reason = TransitionReason.trialRate(
        percent: percent, calls: outcomes, threshold: configuration.rate, tripped: tripped,
        comparison: configuration.comparison)
      return change(to: tripped ? .open : .closed, at: now, reason: reason)
    }
  }

  /// Whether the CLOSED trip condition holds at `now`, and why.
  /// - Parameters:
  ///   - now: The time of the check.
  ///   - windowAt: The time at which to read the rate window (default `now`).
  mutating func tripReason(
    at now: Milliseconds, windowAt: Milliseconds? = nil
  ) -> TransitionReason? {
    switch configuration.policy {
    case .count:
      let count = failureTimes.count(within: configuration.window, at: now)
      guard count >= configuration.threshold else { return nil }
      return .failuresInWindow(count: count, window: configuration.window)
    case .consecutive:
      guard consecutiveFailures >= configuration.threshold else { return nil }
      return .consecutiveFailures(count: consecutiveFailures)
    case .rate:
      rateWindow.rotate(to: windowAt ?? now)
      let (calls, failures) = (rateWindow.totalCalls, rateWindow.totalFailures)
      let needed = configuration.lastCalls.map { min(configuration.volume, $0) }
      guard calls >= needed ?? configuration.volume else { return nil }
      let percent = Double(failures) / Double(calls) * 100
      guard exceeds(percent) else { return nil }
      return .errorRate(
        percent: percent, calls: calls, threshold: configuration.rate,
        comparison: configuration.comparison)
    }
  }

  /// Compares an error percentage with `rate` the configured way (NaN never exceeds).
  func exceeds(_ percent: Double) -> Bool {
    let value =
      configuration.percentMath == .integer && percent.isFinite
      ? percent.rounded(.towardZero) : percent
    switch configuration.comparison {
    case .greater: return value > configuration.rate
    case .greaterOrEqual: return value >= configuration.rate
    }
  }
}
