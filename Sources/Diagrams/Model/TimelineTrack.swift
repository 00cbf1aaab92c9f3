import BreakerCore

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
