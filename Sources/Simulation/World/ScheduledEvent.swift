import BreakerCore

/// One call attempt in flight. While its end is scheduled it waits in one of the world's
/// reusable attempt slots, named by its completion event (see ``World/scheduledAttempts``).
struct Attempt: Sendable, Equatable {
  var request: UInt64
  var service: Int
  var breaker: Int?
  var permit: Permit?
  /// How it will end when its event fires.
  var result: CallResult
  var startedAt: Milliseconds
  var number: Int
  var retriesLeft: Int
  var fromLoad: Bool
  /// The operation (command or load) that started the request, for its tally.
  var batch: UInt32 = 0
  /// For `succeed`/`fail`/`ignore`: the outcome forced on the call.
  var forced: Outcome? = nil
}

/// Something due at a virtual time, ordered by (time, sequence) so ties keep insertion order.
struct ScheduledEvent: Comparable, Sendable {
  enum Kind: Sendable {
    /// A call attempt ends (answer or timeout).
    /// (The slot in ``World/scheduledAttempts`` that holds the attempt: keeping the attempt
    /// out of the event keeps events small, so the queue moves 32 bytes instead of about 120.)
    case attemptEnds(slot: Int)
    /// The next arrival of a load generator.
    case loadArrival(Int)
    /// A breaker's own timer (timer half-open, periodic snapshot).
    case breakerTimer(Int)
  }

  var time: Milliseconds
  var sequence: UInt64
  var kind: Kind

  static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
    (lhs.time, lhs.sequence) < (rhs.time, rhs.sequence)
  }

  static func == (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
    lhs.time == rhs.time && lhs.sequence == rhs.sequence
  }
}
