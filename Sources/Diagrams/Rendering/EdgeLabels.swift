import BreakerCore

/// The words on the four arrows of a state diagram: a general name ("failure threshold") and
/// what it means for this configuration ("5 failures in 60s").
struct EdgeLabels: Sendable, Equatable {
  /// A label: the general name, then this breaker's numbers.
  struct Label: Sendable, Equatable {
    var title: String
    var detail: String
  }

  var trip: Label
  var wait: Label
  var success: Label
  var failure: Label

  /// The labels for a configuration.
  init(_ config: BreakerConfiguration) {
    trip = Label(title: "failure threshold", detail: Self.tripDetail(config))
    wait = Label(title: "wait elapsed", detail: Self.waitDetail(config))
    let trials = max(1, min(config.volume, config.trials ?? config.volume))
    let percent = PercentText.format(config.rate)
    switch config.closeRule {
    case .successes:
      let count = config.successes
      success = Label(
        title: "trial success",
        detail: count == 1 ? "1 trial succeeds" : "\(count) trials succeed")
      failure = Label(title: "trial failure", detail: "a trial fails")
    case .rate:
      let below = config.comparison == .greater ? "<=" : "<"
      success = Label(
        title: "trial success", detail: "errors \(below) \(percent) over \(trials) trials")
      failure = Label(
        title: "trial failure",
        detail: "errors \(config.comparison.rawValue) \(percent) over \(trials) trials")
    }
  }

  /// The label of one arrow.
  subscript(edge: StateDiagram.Edge) -> Label {
    switch edge {
    case .trip: trip
    case .wait: wait
    case .success: success
    case .failure: failure
    }
  }

  private static func tripDetail(_ config: BreakerConfiguration) -> String {
    switch config.policy {
    case .count:
      return "\(config.threshold) failures in \(DurationText.format(config.window))"
    case .consecutive:
      return "\(config.threshold) failures in a row"
    case .rate:
      let rule = "errors \(config.comparison.rawValue) \(PercentText.format(config.rate))"
      if let last = config.lastCalls { return "\(rule) of last \(last)" }
      return "\(rule) in \(DurationText.format(config.rolling))"
    }
  }

  private static func waitDetail(_ config: BreakerConfiguration) -> String {
    let reset = DurationText.format(config.reset)
    let base = config.resetFrom == .lastFailure ? "\(reset) after last failure" : "after \(reset)"
    return config.halfOpen == .timer ? "timer: \(base)" : base
  }
}
