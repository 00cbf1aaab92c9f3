import BreakerCore

/// The history of one breaker for a timeline: its transitions and its calls' marks.
public struct TimelineTrack: Sendable {
  /// The breaker's name, shown in the timeline's first column.
  public var name: String
  /// The state before the first of `transitions` (transitions before the timeline's `from`
  /// are applied to find the state there).
  public var initialState: BreakerState
  /// Transitions in time order.
  public var transitions: [Transition]
  /// Call results in time order (may be a bounded recent subset).
  public var marks: [CallMark]
  /// When the breaker was created: nothing is drawn before it.
  public var start: Milliseconds?

  /// Creates a track.
  public init(
    name: String, initialState: BreakerState, transitions: [Transition], marks: [CallMark],
    start: Milliseconds? = nil
  ) {
    self.name = name
    self.initialState = initialState
    self.transitions = transitions
    self.marks = marks
    self.start = start
  }
}
