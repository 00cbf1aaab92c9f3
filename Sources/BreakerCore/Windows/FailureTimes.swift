/// The times of the most recent failures, as many as the threshold, for the count policy.
///
/// Keeping only the last `capacity` failures is enough: the breaker trips as soon as
/// `capacity` of them fall within the window, so older ones can never matter. Memory is fixed
/// by the configuration, whatever the traffic.
struct FailureTimes: Sendable, Equatable {
  private var times: [Milliseconds]
  private var next = 0
  private(set) var stored = 0

  init(capacity: Int) {
    times = Array(repeating: 0, count: max(1, capacity))
  }

  /// Adds a failure at `time` (times arrive in non-decreasing order).
  mutating func append(_ time: Milliseconds) {
    times[next] = time
    next = next + 1 == times.count ? 0 : next + 1
    stored = min(stored + 1, times.count)
  }

  /// How many stored failures are younger than `window` at `now` (`now - t < window`).
  /// - Complexity: O(`capacity`).
  func count(within window: Milliseconds, at now: Milliseconds) -> Int {
    var count = 0
    var index = next
    for _ in 0..<stored {
      index = index == 0 ? times.count - 1 : index - 1
      guard now - times[index] < window else { break }
      count += 1
    }
    return count
  }

  /// The stored failure times, oldest first.
  var all: [Milliseconds] {
    (0..<stored).map { offset in
      times[(next - stored + offset + times.count) % times.count]
    }
  }

  mutating func removeAll() {
    next = 0
    stored = 0
  }

  /// Slots allocated for failure times; fixed at creation (for tests of bounded memory).
  var storageFootprint: Int { times.capacity }
}
