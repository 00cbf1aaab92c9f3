/// Calls and failures over a rolling window, for the rate policy.
///
/// Three shapes, all with memory fixed by the configuration:
/// - fixed buckets rotating on an interval anchored at the breaker's creation (opossum,
///   Hystrix, resilience4j's time-based window);
/// - lazy buckets that start at the first call after the previous one ended (Polly);
/// - the last N calls (resilience4j's count-based window).
///
/// Totals are kept up to date on every change, so reading them is O(1).
struct RateWindow: Sendable, Equatable {
  enum Shape: Sendable, Equatable {
    case fixed(bucketLength: Milliseconds, origin: Milliseconds)
    case lazy(bucketLength: Milliseconds, span: Milliseconds)
    case lastCalls
  }

  private let shape: Shape
  private var calls: [Int32]
  private var failures: [Int32]
  /// Fixed: the absolute bucket number of `current`. Lazy: unused.
  private var currentNumber: Int64 = 0
  private var current = 0
  /// Lazy: the start time of each live bucket, and how many are live.
  private var starts: [Milliseconds]
  private var live = 0
  /// Calls: how many slots hold a call.
  private var filled = 0
  private(set) var totalCalls = 0
  private(set) var totalFailures = 0

  init(configuration: BreakerConfiguration, origin: Milliseconds) {
    if let last = configuration.lastCalls {
      shape = .lastCalls
      calls = []
      failures = Array(repeating: 0, count: last)
      starts = []
    } else {
      let length = configuration.bucketLength
      switch configuration.bucketClock {
      case .fixed:
        shape = .fixed(bucketLength: length, origin: origin)
        calls = Array(repeating: 0, count: configuration.buckets)
        failures = Array(repeating: 0, count: configuration.buckets)
        starts = []
      case .lazy:
        shape = .lazy(bucketLength: length, span: configuration.rolling)
        calls = Array(repeating: 0, count: configuration.buckets + 1)
        failures = Array(repeating: 0, count: configuration.buckets + 1)
        starts = Array(repeating: 0, count: configuration.buckets + 1)
      }
    }
  }

  /// Whether nothing is counted.
  var isEmpty: Bool { totalCalls == 0 && totalFailures == 0 }

  /// Adds calls and failures at `now` (calls and failures can be counted separately, as
  /// opossum counts a fire when it starts and its failure when it ends).
  mutating func add(calls newCalls: Int, failures newFailures: Int, at now: Milliseconds) {
    switch shape {
    case .lastCalls:
      // One slot per call outcome, the oldest overwritten once the ring is full.
      guard newCalls > 0 else { return }
      if filled == failures.count {
        totalCalls -= 1
        totalFailures -= Int(failures[current])
      } else {
        filled += 1
      }
      failures[current] = newFailures > 0 ? 1 : 0
      totalCalls += 1
      totalFailures += Int(failures[current])
      current = current + 1 == failures.count ? 0 : current + 1
    case .fixed, .lazy:
      rotate(to: now)
      if case .lazy = shape { openLazyBucket(at: now) }
      calls[current] += Int32(clamping: newCalls)
      failures[current] += Int32(clamping: newFailures)
      totalCalls += newCalls
      totalFailures += newFailures
    }
  }

  /// Drops what has aged out of the window by `now`.
  mutating func rotate(to now: Milliseconds) {
    switch shape {
    case .lastCalls:
      return
    case .fixed(let length, let origin):
      // Most calls land in the current bucket: tell that by a multiplication, not a division.
      guard now - origin >= (currentNumber + 1) * length else { return }
      let number = (now - origin) / length
      guard number > currentNumber else { return }
      let steps = min(number - currentNumber, Int64(calls.count))
      for _ in 0..<steps {
        current = current + 1 == calls.count ? 0 : current + 1
        totalCalls -= Int(calls[current])
        totalFailures -= Int(failures[current])
        calls[current] = 0
        failures[current] = 0
      }
      currentNumber = number
    case .lazy(_, let span):
      while live > 0 {
        let oldest = (current - live + 1 + starts.count) % starts.count
        guard now - starts[oldest] >= span else { break }
        totalCalls -= Int(calls[oldest])
        totalFailures -= Int(failures[oldest])
        calls[oldest] = 0
        failures[oldest] = 0
        live -= 1
      }
    }
  }

  private mutating func openLazyBucket(at now: Milliseconds) {
    guard case .lazy(let length, _) = shape else { return }
    if live > 0, now - starts[current] < length { return }
    if live == starts.count {
      let oldest = (current + 1) % starts.count
      totalCalls -= Int(calls[oldest])
      totalFailures -= Int(failures[oldest])
      live -= 1
    }
    current = live == 0 ? current : (current + 1) % starts.count
    starts[current] = now
    calls[current] = 0
    failures[current] = 0
    live += 1
  }

  mutating func removeAll() {
    for index in calls.indices {
      calls[index] = 0
    }
    for index in failures.indices {
      failures[index] = 0
    }
    live = 0
    filled = 0
    current = 0
    totalCalls = 0
    totalFailures = 0
  }

  /// Slots allocated for counts and bucket starts; fixed at creation (for tests of bounded
  /// memory).
  var storageFootprint: Int { calls.capacity + failures.capacity + starts.capacity }
}

extension RateWindow {
  /// The live buckets, oldest first, for display. For a window of the last N calls, each
  /// bucket is one call (`calls` 1, `failures` 0 or 1) and has no start time.
  func buckets(at now: Milliseconds) -> [WindowBucket] {
    var window = self
    window.rotate(to: now)
    switch shape {
    case .lastCalls:
      let count = window.filled
      return (0..<count).map { offset in
        let index = (window.current - count + offset + failures.count) % failures.count
        return WindowBucket(start: nil, calls: 1, failures: Int(window.failures[index]))
      }
    case .fixed(let length, let origin):
      let count = window.calls.count
      return (0..<count).map { offset in
        let index = (window.current + 1 + offset) % count
        let number = window.currentNumber - Int64(count - 1 - offset)
        return WindowBucket(
          start: number >= 0 ? origin + number * length : nil,
          calls: Int(window.calls[index]), failures: Int(window.failures[index]))
      }
    case .lazy:
      let count = window.live
      return (0..<count).map { offset in
        let index =
          (window.current - count + 1 + offset + window.starts.count)
          % window.starts.count
        return WindowBucket(
          start: window.starts[index], calls: Int(window.calls[index]),
          failures: Int(window.failures[index]))
      }
    }
  }

  /// The totals as seen at `now`.
  func totals(at now: Milliseconds) -> (calls: Int, failures: Int) {
    var window = self
    window.rotate(to: now)
    return (window.totalCalls, window.totalFailures)
  }
}

/// One bucket of a rate window, for display.
public struct WindowBucket: Sendable, Equatable {
  /// When the bucket started (`nil` for a call-count window, or a bucket from before creation).
  public var start: Milliseconds?
  public var calls: Int
  public var failures: Int
}
