import BreakerCore

/// How a simulated service answers.
public enum FaultMode: Sendable, Equatable {
  /// Succeeds after the base latency.
  case up
  /// Fails after the base latency (an error response).
  case down
  /// Never answers: only a timeout ends the call.
  case hang
  /// Succeeds after the given time instead of the base latency.
  case slow(Milliseconds)
  /// Fails with the given probability (percent), drawn from the world's seeded generator.
  case flaky(Double)
  /// Fails at once, whatever the latency (like a refused connection).
  case refuse

  /// The mode as typed in a command: `up`, `slow 2s`, `flaky 30%`.
  public var text: String {
    switch self {
    case .up: "up"
    case .down: "down"
    case .hang: "hang"
    case .slow(let delay): "slow \(DurationText.format(delay))"
    case .flaky(let percent): "flaky \(PercentText.format(percent))"
    case .refuse: "refuse"
    }
  }
}

/// A dependency the application calls, with its fault mode and call options.
public struct Service: Sendable, Equatable {
  public var name: String
  public var mode: FaultMode = .up
  /// Time to answer when up, down or flaky.
  public var latency: Milliseconds = 0
  /// The breaker guarding this service, by name, or `nil` for an unprotected call.
  public var breaker: String?
  /// Extra attempts after a failed one (each attempt goes through the breaker).
  public var retries: Int = 0
  /// Whether a fallback answer replaces a failure or a rejection.
  public var fallback: Bool = false
  /// The client's own timeout, used when no breaker sets one.
  public var timeout: Milliseconds?

  /// Creates an `up` service with no latency and no breaker.
  public init(name: String) { self.name = name }
}
