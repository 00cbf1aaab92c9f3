import BreakerCore
import Simulation

/// Plain-language descriptions of configurations, services, counters and summaries.
public enum Describe {
  /// `opens at 5 failures within 60s; waits 30s from the last failure; 1 trial`
  static func configuration(_ config: BreakerConfiguration) -> String {
    var parts: [String] = []
    let base = config.preset == "lesson" ? "" : "like=\(config.preset) "
    switch config.policy {
    case .count:
      parts.append("opens at \(config.threshold) failures within \(fmt(config.window))")
    case .consecutive:
      parts.append("opens at \(config.threshold) consecutive failures")
    case .rate:
      let span =
        config.lastCalls.map { "the last \($0) calls" } ?? "\(fmt(config.rolling))"
      parts.append(
        "opens when the error rate \(config.comparison.rawValue) "
          + "\(PercentText.format(config.rate)) over \(span) (min \(config.volume) calls)")
    }
    let anchor = config.resetFrom == .lastFailure ? " from the last failure" : ""
    let how = config.halfOpen == .timer ? ", then a timer half-opens it" : ""
    parts.append("waits \(fmt(config.reset))\(anchor)\(how)")
    switch config.trials {
    case nil: parts.append("unlimited trials")
    case 1: parts.append("1 trial")
    case let trials?: parts.append("\(trials) trials")
    }
    if let timeout = config.timeout { parts.append("timeout \(fmt(timeout))") }
    let extra = config.settingsDifferingFromPreset
    let suffix = extra.isEmpty ? "" : " [\(extra.joined(separator: " "))]"
    return base + parts.joined(separator: "; ") + suffix
  }

  /// `service payments: down, latency 20ms, guarded by payments, 2 retries, fallback on`
  static func service(_ service: Service) -> String {
    var parts = [service.mode.text]
    switch service.mode {
    case .up, .down, .flaky: parts.append("latency \(fmt(service.latency))")
    case .hang, .slow, .refuse: break  // These modes set their own timing.
    }
    parts.append(service.breaker.map { "guarded by \($0)" } ?? "no breaker")
    if service.retries > 0 {
      parts.append("\(service.retries) retr\(service.retries == 1 ? "y" : "ies")")
    }
    if service.fallback { parts.append("fallback on") }
    if let timeout = service.timeout { parts.append("client timeout \(fmt(timeout))") }
    return "service \(service.name): " + parts.joined(separator: ", ")
  }

  /// The summary lines of a load.
  static func load(
    _ summary: LoadSummary, targets: [Command.LoadTarget], duration: Milliseconds,
    poisson: Bool, now: Milliseconds
  ) -> [String] {
    let what = targets.map { "\($0.service) \(rate($0.rate))/s" }.joined(separator: ", ")
    var lines = [
      "load \(what) for \(fmt(duration))\(poisson ? " (poisson)" : ""): "
        + plural(summary.requests, "request")
        + (summary.interrupted ? " (interrupted at t=\(fmt(now)))" : "")
    ]
    let results = [
      (summary.successes, "succeeded"), (summary.failures, "failed"),
      (summary.timeouts, "timed out"), (summary.rejections, "failed fast"),
      (summary.starved, "starved (no free worker)"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    lines.append(
      "  attempts: " + (results.isEmpty ? "none ended" : results.joined(separator: ", ")))
    if summary.fallbacks > 0 { lines.append("  \(summary.fallbacks) answered by fallback") }
    if summary.stillInFlight > 0 {
      lines.append("  \(plural(summary.stillInFlight, "call")) still in flight at t=\(fmt(now))")
    }
    return lines
  }

  /// Breaks `text` at `"; "` (then at spaces) into lines of at most `width` columns, the
  /// continuation lines indented by two spaces.
  static func wrap(_ text: String, width: Int) -> [String] {
    guard text.count > width else { return [text] }
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let candidate = current.isEmpty ? String(word) : current + " " + word
      if candidate.count > width, current.contains(where: { $0 != " " }) {
        lines.append(current)
        current = "  " + word
      } else {
        current = candidate
      }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  /// Lays rows out as a table: the first column left-aligned, the others right-aligned.
  static func table(_ rows: [[String]]) -> [String] {
    guard let columns = rows.first?.count else { return [] }
    let widths = (0..<columns).map { column in rows.map { $0[column].count }.max() ?? 0 }
    return rows.map { row in
      row.enumerated().map { column, cell in
        let pad = String(repeating: " ", count: widths[column] - cell.count)
        return column == 0 ? cell + pad : pad + cell
      }.joined(separator: "  ")
    }
  }

  /// Notes for settings that cannot matter under the configuration's policy.
  static func ineffective(_ keys: [String], in config: BreakerConfiguration) -> [String] {
    let countOnly: Set = ["threshold", "window"]
    let rateOnly: Set = [
      "rate", "volume", "rolling", "buckets", "last", "buckets-clock",
      "compare", "percent", "count-rejected", "evaluate",
    ]
    return keys.compactMap { key in
      let idle =
        switch config.policy {
        case .rate: countOnly.contains(key)
        case .count: rateOnly.contains(key)
        case .consecutive: rateOnly.contains(key) || key == "window"
        }
      return idle
        ? "note: '\(key)' does nothing with policy=\(config.policy.rawValue); see 'help keys'"
        : nil
    }
  }

  /// The breaker's counters in a few words, e.g. `3/5 failures within 60s`.
  public static func counters(_ breaker: CircuitBreaker, now: Milliseconds) -> String? {
    let config = breaker.configuration
    guard breaker.mode == .normal else { return nil }
    switch breaker.state {
    case .open:
      return nil
    case .halfOpen:
      let limit = config.trials.map { "\($0)" } ?? "unlimited"
      let used = "HALF_OPEN: \(breaker.trialsAdmitted)/\(limit) trials used, "
      if config.closeRule == .rate {
        return used + "\(breaker.trialSuccesses) ok, \(breaker.trialFailures) failed"
      }
      return used + "\(breaker.trialSuccesses)/\(config.successes) successes"
    case .closed:
      switch config.policy {
      case .count:
        return "\(breaker.failuresInWindow(at: now))/\(config.threshold) failures within "
          + fmt(config.window)
      case .consecutive:
        return "\(breaker.consecutiveFailures)/\(config.threshold) consecutive failures"
      case .rate:
        let (calls, _) = breaker.rateTotals(at: now)
        var percent = breaker.errorPercent(at: now) ?? 0
        if config.percentMath == .integer { percent = percent.rounded(.towardZero) }
        var text =
          "error rate \(PercentText.format(percent)) of \(plural(calls, "call")); trips "
          + "\(config.comparison.rawValue) \(PercentText.format(config.rate))"
          + (config.volume > 0 ? " once \(plural(config.volume, "call")) are in" : "")
        if case .periodic(let interval) = config.evaluation {
          text += "; judged at the next \(fmt(interval)) snapshot"
        }
        return text
      }
    }
  }

  /// What a manual mode does, in a few words.
  static func mode(_ mode: BreakerMode) -> String {
    switch mode {
    case .normal: "the state machine decides"
    case .forcedOpen: "every call fails fast"
    case .disabled: "every call passes; nothing is recorded"
    case .metricsOnly: "every call passes; outcomes are counted but never trip it"
    }
  }

  /// `1 call`, `3 calls`.
  static func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }

  static func rate(_ value: Double) -> String {
    value == value.rounded() ? "\(Int64(value))" : "\(value)"
  }

  private static func fmt(_ millis: Milliseconds) -> String { DurationText.format(millis) }
}

extension String {
  /// This text with every occurrence of `target` replaced.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var result = ""
    var rest = Substring(self)
    while let range = rest.firstRange(of: target) {
      result += rest[..<range.lowerBound] + replacement
      rest = rest[range.upperBound...]
    }
    return result + rest
  }
}
