/// The world's pending events, earliest first: a binary min-heap ordered by (time, sequence).
///
/// The world only ever asks for the earliest event, so a plain binary heap does; it does about
/// half the comparisons and moves of swift-collections' `Heap` (a min-max heap), which was a
/// fifth of the time of a long `load`. Keys are unique (the sequence number breaks ties), so
/// the order of events is exactly the same.
struct EventQueue: Sendable {
  private var events: [ScheduledEvent] = []

  /// Whether nothing is pending.
  var isEmpty: Bool { events.isEmpty }

  /// How many events are pending.
  var count: Int { events.count }

  /// The earliest event, if any.
  var min: ScheduledEvent? { events.first }

  /// Adds an event.
  /// - Complexity: O(log n).
  mutating func insert(_ event: ScheduledEvent) {
    events.append(event)
    events.withUnsafeMutableBufferPointer { heap in
      var index = heap.count - 1
      while index > 0 {
        let parent = (index - 1) / 2
        guard event < heap[parent] else { break }
        heap[index] = heap[parent]
        index = parent
      }
      heap[index] = event
    }
  }

  /// Removes and returns the earliest event, if any.
  /// - Complexity: O(log n).
  mutating func popMin() -> ScheduledEvent? {
    guard let last = events.popLast() else { return nil }
    guard let first = events.first else { return last }
    events.withUnsafeMutableBufferPointer { heap in
      let count = heap.count
      var index = 0
      while true {
        let left = 2 * index + 1
        guard left < count else { break }
        let right = left + 1
        let child = right < count && heap[right] < heap[left] ? right : left
        guard heap[child] < last else { break }
        heap[index] = heap[child]
        index = child
      }
      heap[index] = last
    }
    return first
  }
}
