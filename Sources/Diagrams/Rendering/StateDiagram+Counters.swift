import BreakerCore
import Simulation

extension StateDiagram {
  /// The numbers that decide the breaker's next move, as sentences: the policy's counter while
  /// CLOSED, the wait while OPEN, the trials while HALF_OPEN.
  static func counterLines(_ view: BreakerView) -> [String] {
    let breaker = view.breaker
    let config = breaker.configuration
    switch breaker.state {
    case .closed:
      return [policyCounter(view)]
    case .open:
      var lines = [openWait(breaker, now: view.now)]
      if breaker.openings > 1, config.backoff > 1 {
        lines.append(
          "wait this time: \(DurationText.format(breaker.openWait)) "
            + "(opening \(breaker.openings) in a row, backoff x\(factor(config.backoff)))")
      }
      return lines
    case .halfOpen:
      return trialLines(breaker)
    }
  }

  /// The policy's counter against its threshold.
  static func policyCounter(_ view: BreakerView) -> String {
    let breaker = view.breaker
    let config = breaker.configuration
    switch config.policy {
    case .count:
      let counted = breaker.failuresInWindow(at: view.now)
      return "failures in window: \(counted)/\(config.threshold) "
        + "(window \(DurationText.format(config.window)))"
    case .consecutive:
      return "consecutive failures: \(breaker.consecutiveFailures)/\(config.threshold)"
    case .rate:
      return rateCounter(breaker, now: view.now)
    }
  }

  /// `error rate: 40% of 10 calls in the last 10s (trips when > 50%, min 20 calls)`.
  static func rateCounter(_ breaker: CircuitBreaker, now: Milliseconds) -> String {
    let config = breaker.configuration
    let (calls, _) = breaker.rateTotals(at: now)
    let scope =
      config.lastCalls.map { "in a window of the last \($0) calls" }
      ?? "in the last \(DurationText.format(config.rolling))"
    var rule = "trips when \(config.comparison.rawValue) \(PercentText.format(config.rate))"
    let needed = config.lastCalls.map { min(config.volume, $0) } ?? config.volume
    if needed > 0 { rule += ", min \(needed) calls" }
    if case .periodic(let interval) = config.evaluation {
      rule += ", checked every \(DurationText.format(interval))"
    }
    guard let percent = breaker.errorPercent(at: now) else {
      return "error rate: no calls \(scope) (\(rule))"
    }
    let counted = "\(calls) call\(calls == 1 ? "" : "s")"
    return "error rate: \(PercentText.format(percent)) of \(counted) \(scope) (\(rule))"
  }

  /// When the OPEN wait ends, and how.
  static func openWait(_ breaker: CircuitBreaker, now: Milliseconds) -> String {
    let at = TimeText.stamp(breaker.firstTrialAt)
    let left = breaker.firstTrialAt - now
    if breaker.configuration.halfOpen == .timer {
      return left > 0
        ? "half-opens by timer at \(at) (in \(DurationText.format(left)))"
        : "half-opens by timer now (due at \(at))"
    }
    return left > 0
      ? "trial allowed in \(DurationText.format(left)) (at \(at))"
      : "trial allowed now (since \(at)): the next call is a trial"
  }

  /// The HALF_OPEN trials used and what closes the breaker.
  static func trialLines(_ breaker: CircuitBreaker) -> [String] {
    let config = breaker.configuration
    let used =
      config.trials.map { "trials used: \(breaker.trialsAdmitted)/\($0)" }
      ?? "trials used: \(breaker.trialsAdmitted) (no limit)"
    switch config.closeRule {
    case .successes:
      return [
        used,
        "successes: \(breaker.trialSuccesses)/\(config.successes) needed to close; "
          + "a failed trial reopens",
      ]
    case .rate:
      let needed = max(1, min(config.volume, config.trials ?? config.volume))
      let below = config.comparison == .greater ? "<=" : "<"
      return [
        used,
        "outcomes: \(breaker.trialSuccesses) ok, \(breaker.trialFailures) failed; after "
          + "\(needed) it closes if errors \(below) \(PercentText.format(config.rate))",
      ]
    }
  }

  /// The manual override, when there is one.
  static func modeBanner(_ mode: BreakerMode) -> String? {
    switch mode {
    case .normal: nil
    case .forcedOpen: "mode: FORCED OPEN - every call fails fast; the state machine is paused"
    case .disabled: "mode: DISABLED - every call passes and nothing is recorded"
    case .metricsOnly: "mode: METRICS ONLY - calls pass and are counted, but never trip it"
    }
  }

  /// `just now: CLOSED ==> OPEN at t=5s (5 failures within 60s)`.
  static func justTakenText(_ transition: Transition, glyphs: Glyphs) -> String {
    "just now: \(transition.from.label) \(glyphs.arrow(true)) \(transition.to.label) at "
      + "\(TimeText.stamp(transition.at)) (\(transition.reason.text))"
  }

  /// `calls: 12 = 4 ok, 5 failed, 1 timed out, 2 fast-failed`.
  static func statsLine(_ stats: BreakerStats) -> String {
    guard stats.calls > 0 else { return "calls: none yet" }
    let parts = [
      (stats.successes, "ok"), (stats.failures, "failed"), (stats.timeouts, "timed out"),
      (stats.rejections, "fast-failed"), (stats.uncounted, "uncounted"),
      (stats.inFlight, "in flight"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    return "calls: \(stats.calls)" + (parts.isEmpty ? "" : " = " + parts.joined(separator: ", "))
  }

  /// A backoff factor without a needless `.0`.
  private static func factor(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
  }
}
