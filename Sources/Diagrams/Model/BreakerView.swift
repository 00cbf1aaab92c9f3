import BreakerCore
import Simulation

/// A snapshot of one breaker at one moment: everything a diagram needs, nothing live.
public struct BreakerView: Sendable {
  public var name: String
  public var breaker: CircuitBreaker
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
