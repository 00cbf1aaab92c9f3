import BreakerCore
import Simulation

/// A snapshot of one breaker at one moment: everything a diagram needs, nothing live.
public struct BreakerView: Sendable {
  /// The breaker's name, as the lab knows it.
  public var name: String
  /// The state machine, read through its public inspection API.
  public var breaker: CircuitBreaker
  /// What the breaker's callers saw so far.
  public var stats: BreakerStats
  /// The virtual time of the snapshot.
  public var now: Milliseconds
  /// The transition to draw as "just taken", if the breaker changed state during the command
  /// that led to this view.
  public var justTaken: Transition?

  /// Creates a view.
  public init(
    name: String, breaker: CircuitBreaker, stats: BreakerStats, now: Milliseconds,
    justTaken: Transition? = nil
  ) {
    self.name = name
    self.breaker = breaker
    self.stats = stats
    self.now = now
    self.justTaken = justTaken
  }
}
