import BreakerCore

/// Events scheduled the same delay after their scheduling time, first in first out: one lane of
/// the ``EventQueue``.
///
/// A ring buffer whose capacity is a power of two, so that a lane used by a steady load keeps
/// one small buffer for good (it grows only with the most events it ever held at once).
struct EventLane: Sendable {
  /// The delay the lane's events share (any delay while the lane is empty).
  var delay: Milliseconds
  /// The events, `count` of them from `head`, wrapping around; the other elements are stale.
  private var ring: [ScheduledEvent] = []
  private var head = 0
  /// How many events are in the lane.
  private(set) var count = 0

  /// Creates an empty lane for `delay`.
  init(delay: Milliseconds) {
    self.delay = delay
  }

  /// Whether the lane holds no event.
  var isEmpty: Bool { count == 0 }

  /// The key of the earliest event, if any.
  var firstKey: ScheduledEvent.Key? { count == 0 ? nil : ring[head].key }

  /// The latest event, if any.
  var last: ScheduledEvent? { count == 0 ? nil : ring[(head + count - 1) & (ring.count - 1)] }

  /// Adds an event after the others.
  mutating func append(_ event: ScheduledEvent) {
    if count == ring.count { grow(for: event) }
    ring[(head + count) & (ring.count - 1)] = event
    count += 1
  }

  /// Removes and returns the earliest event (the lane is not empty).
  mutating func removeFirst() -> ScheduledEvent {
    let event = ring[head]
    head = (head + 1) & (ring.count - 1)
    count -= 1
    return event
  }

  /// Doubles the capacity (16 at first), moving the events to the front in order.
  private mutating func grow(for event: ScheduledEvent) {
    guard !ring.isEmpty else {
      // Stale elements until used: copies of the first event, never read.
      ring = Array(repeating: event, count: 16)
      head = 0
      return
    }
    var grown: [ScheduledEvent] = []
    grown.reserveCapacity(ring.count * 2)
    for offset in 0..<count { grown.append(ring[(head + offset) & (ring.count - 1)]) }
    // The stale half: copies that are never read.
    grown.append(contentsOf: ring)
    ring = grown
    head = 0
  }
}
