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

/// One call's mark on a timeline.
public struct CallMark: Sendable, Equatable {
  public var at: Milliseconds
  public var result: CallResult

  /// Creates a mark.
  public init(at: Milliseconds, result: CallResult) {
    self.at = at
    self.result = result
  }
}

/// The history of one breaker for a timeline: its transitions and its calls' marks.
public struct TimelineTrack: Sendable {
  public var name: String
  /// The state at `from` (before any of `transitions`).
  public var initialState: BreakerState
  /// Transitions in time order.
  public var transitions: [Transition]
  /// Call results in time order (may be a bounded recent subset).
  public var marks: [CallMark]

  /// Creates a track.
  public init(
    name: String, initialState: BreakerState, transitions: [Transition], marks: [CallMark]
  ) {
    self.name = name
    self.initialState = initialState
    self.transitions = transitions
    self.marks = marks
  }
}
