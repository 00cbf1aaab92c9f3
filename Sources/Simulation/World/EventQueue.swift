import BreakerCore

/// The world's pending events, earliest first: ordered by (time, sequence).
///
/// Events are kept in two kinds of store, with one order between them:
/// - *Lanes* (``EventLane``), one per delay: first-in first-out queues. A call attempt ends a
///   fixed delay after it starts (the service's latency, or a timeout), the clock never goes
///   back and sequence numbers only grow, so attempts that share a delay end in the order they
///   were scheduled. A lane keeps them in that order with an append and a removal at the
///   front, and no comparisons; under a steady load almost every event is in a lane.
/// - A binary min-heap for everything else (breaker timers, and delays left without a lane
///   when all ``laneLimit`` lanes are busy with other delays).
///
/// The earliest event is the smallest of the heap's root and the lanes' heads; its key is kept
/// up to date (``nextKey``), so looking at it costs nothing. Keys are unique (the sequence
/// number breaks ties), so events come out in exactly the order one heap of them all would
/// give.
struct EventQueue: Sendable {
  /// The most lanes kept; a lane that empties is reused for the next new delay.
  static let laneLimit = 8

  private var heap: [ScheduledEvent] = []
  /// The first lane, kept here rather than in `otherLanes`: most loads use one delay, and
  /// changing a lane inside an array costs that array's uniqueness check as well.
  private var mainLane = EventLane(delay: 0)
  private var otherLanes: [EventLane] = []
  /// The key of the earliest event, or ``ScheduledEvent/Key/last`` when there is none.
  private(set) var nextKey = ScheduledEvent.Key.last
  /// Where the earliest event is: -1 for the heap's root, 0 for `mainLane`, `n` for
  /// `otherLanes[n - 1]`.
  private var nextSource = -1

  /// Whether nothing is pending.
  var isEmpty: Bool { nextKey == .last }

  /// Adds an event that is not part of a lane (it goes to the heap).
  /// - Complexity: O(log n).
  mutating func insert(_ event: ScheduledEvent) {
    push(event)
    added(event, to: -1)
  }

  /// Adds an event due `delay` after the time it is scheduled at, to the lane of that delay.
  ///
  /// - Precondition: The event is scheduled at a time no earlier than any event already in
  ///   the queue was (the world's clock never goes back), so it comes after every event of its
  ///   lane. (An empty lane takes any delay.)
  /// - Complexity: O(``laneLimit``), amortised.
  mutating func insert(_ event: ScheduledEvent, delay: Milliseconds) {
    if mainLane.delay == delay || mainLane.isEmpty {
      assert(mainLane.last.map { $0 < event } ?? true, "a lane's events must be in order")
      mainLane.delay = delay
      mainLane.append(event)
      added(event, to: 0)
      return
    }
    var spare: Int?
    for index in otherLanes.indices {
      if otherLanes[index].delay == delay {
        assert(otherLanes[index].last.map { $0 < event } ?? true, "lane events out of order")
        otherLanes[index].append(event)
        added(event, to: index + 1)
        return
      }
      if spare == nil, otherLanes[index].isEmpty { spare = index }
    }
    if let spare {
      otherLanes[spare].delay = delay
      otherLanes[spare].append(event)
      added(event, to: spare + 1)
    } else if otherLanes.count + 1 < EventQueue.laneLimit {
      otherLanes.append(EventLane(delay: delay))
      otherLanes[otherLanes.count - 1].append(event)
      added(event, to: otherLanes.count)
    } else {
      insert(event)
    }
  }

  /// Removes and returns the earliest event, if any.
  /// - Complexity: O(log n + ``laneLimit``).
  mutating func popMin() -> ScheduledEvent? {
    guard nextKey != .last else { return nil }
    let event: ScheduledEvent
    switch nextSource {
    case -1: event = popHeap()
    case 0: event = mainLane.removeFirst()
    default: event = otherLanes[nextSource - 1].removeFirst()
    }
    // Find the new earliest event.
    var key = heap.first?.key ?? .last
    var source = -1
    if let head = mainLane.firstKey, head < key {
      key = head
      source = 0
    }
    for index in otherLanes.indices {
      guard let head = otherLanes[index].firstKey, head < key else { continue }
      key = head
      source = index + 1
    }
    nextKey = key
    nextSource = source
    return event
  }

  /// Notes an event just stored (`source`: where, as in `nextSource`).
  private mutating func added(_ event: ScheduledEvent, to source: Int) {
    if event.key < nextKey {
      nextKey = event.key
      nextSource = source
    }
  }

  /// Adds an event to the heap.
  private mutating func push(_ event: ScheduledEvent) {
    heap.append(event)
    heap.withUnsafeMutableBufferPointer { heap in
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

  /// Removes and returns the heap's root (the heap is not empty).
  private mutating func popHeap() -> ScheduledEvent {
    let root = heap[0]
    let last = heap.removeLast()
    guard !heap.isEmpty else { return root }
    heap.withUnsafeMutableBufferPointer { heap in
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
    return root
  }
}
