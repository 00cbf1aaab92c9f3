/// How a protected call ended, as the breaker records it.
public enum Outcome: String, Sendable, Equatable, CaseIterable {
  case success
  case failure
  /// The per-call timeout expired; always a failure.
  case timeout
  /// Neither success nor failure (a cancelled call, a client error); see
  /// ``BreakerConfiguration/ignored``.
  case ignored

  /// Whether the breaker counts this outcome as a failure.
  @inlinable public var isFailure: Bool { self == .failure || self == .timeout }
}

/// The three states of the pattern.
public enum BreakerState: String, Sendable, Equatable, CaseIterable {
  case closed
  case open
  case halfOpen = "half_open"

  /// The name the lab prints: `CLOSED`, `OPEN`, `HALF_OPEN`.
  public var label: String {
    switch self {
    case .closed: "CLOSED"
    case .open: "OPEN"
    case .halfOpen: "HALF_OPEN"
    }
  }
}

/// A manual override that sits on top of the three states (resilience4j's special states).
public enum BreakerMode: String, Sendable, Equatable, CaseIterable {
  /// The state machine decides.
  case normal
  /// Every call is rejected, whatever the state.
  case forcedOpen = "forced-open"
  /// Every call passes and nothing is recorded.
  case disabled
  /// Every call passes; outcomes are recorded but never cause a transition.
  case metricsOnly = "metrics-only"
}
