import BreakerCore

/// Something due at a virtual time, ordered by (time, sequence) so ties keep insertion order.
struct ScheduledEvent: Comparable, Sendable {
  enum Kind: Sendable {
    /// A call attempt ends (answer or timeout). Such events make up nearly all of the queue and
    /// sit in its lanes, which never move them once stored, so the attempt is kept right here.
    case attemptEnds(Attempt)
    /// A breaker's own timer (timer half-open, periodic snapshot).
    case breakerTimer(Int)
  }

  /// The order of events: by time, then by sequence number (the order they were scheduled).
  struct Key: Comparable, Sendable {
    var time: Milliseconds
    var sequence: UInt64

    /// After every event.
    static let last = Key(time: .max, sequence: .max)

    static func < (lhs: Key, rhs: Key) -> Bool {
      lhs.time < rhs.time || (lhs.time == rhs.time && lhs.sequence < rhs.sequence)
    }
  }

  var time: Milliseconds
  var sequence: UInt64
  var kind: Kind

  /// The event's place in the order.
  var key: Key { Key(time: time, sequence: sequence) }

  static func < (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
    lhs.key < rhs.key
  }

  static func == (lhs: ScheduledEvent, rhs: ScheduledEvent) -> Bool {
    lhs.key == rhs.key
  }
}
