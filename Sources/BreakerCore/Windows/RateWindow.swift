/// Calls and failures over a rolling window, for the rate policy.
///
/// Three shapes, all with memory fixed by the configuration:
/// - fixed buckets rotating on an interval anchored at the breaker's creation (opossum,
///   Hystrix, resilience4j's time-based window);
/// - lazy buckets that start at the first call after the previous one ended (Polly);
/// - the last N calls (resilience4j's count-based window).
///
/// Totals are kept up to date on every change, so reading them is O(1).
///
/// Adding to the current bucket of a fixed window is inlinable (``add(calls:failures:at:)``)
/// and touches no array: that bucket's counts are kept apart, in `currentCalls` and
/// `currentFailures`, and go into the ring when it rotates. Opossum counts every call twice
/// (when made and when it ends), so that is the common case.
@usableFromInline
struct RateWindow: Sendable, Equatable {
  enum Shape: Sendable, Equatable {
    case fixed(bucketLength: Milliseconds, origin: Milliseconds)
    case lazy(bucketLength: Milliseconds, span: Milliseconds)
    case lastCalls
  }

  private let shape: Shape
  /// Fixed: every bucket but the current one, whose slot holds 0.
  private var calls: [Int32]
  private var failures: [Int32]
  /// Fixed: the absolute bucket number of `current`. Lazy: unused.
  private var currentNumber: Int64 = 0
  private var current = 0
  /// Fixed: the current bucket's counts.
  @usableFromInline var currentCalls: Int32 = 0
  @usableFromInline var currentFailures: Int32 = 0
  /// Fixed: when the current bucket ends (`origin + (currentNumber + 1) * bucketLength`);
  /// before then an addition goes straight into it. `Milliseconds.min` for the other shapes,
  /// which always take the full path.
  @usableFromInline var currentBucketEnd: Milliseconds = .min
  /// Lazy: the start time of each live bucket, and how many are live.
  private var starts: [Milliseconds]
  private var live = 0
  /// Calls: how many slots hold a call.
  private var filled = 0
  @usableFromInline private(set) var totalCalls = 0
  @usableFromInline private(set) var totalFailures = 0

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
        currentBucketEnd = origin + length
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
  @inlinable @inline(__always)
  mutating func add(calls newCalls: Int, failures newFailures: Int, at now: Milliseconds) {
    // A fixed window whose current bucket is still running: exactly what `addSlowly` does
    // after a rotation that has nothing to drop.
    guard now < currentBucketEnd else {
      addSlowly(calls: newCalls, failures: newFailures, at: now)
      return
    }
    currentCalls += Int32(clamping: newCalls)
    currentFailures += Int32(clamping: newFailures)
    totalCalls += newCalls
    totalFailures += newFailures
  }

  /// ``add(calls:failures:at:)`` in every case.
  @usableFromInline
  mutating func addSlowly(calls newCalls: Int, failures newFailures: Int, at now: Milliseconds) {
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
    case .fixed:
      rotate(to: now)
      currentCalls += Int32(clamping: newCalls)
      currentFailures += Int32(clamping: newFailures)
      totalCalls += newCalls
      totalFailures += newFailures
    case .lazy:
      rotate(to: now)
      openLazyBucket(at: now)
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
      // Most calls land in the current bucket: tell that by a comparison, not a division.
      guard now >= currentBucketEnd else { return }
      let number = (now - origin) / length
      guard number > currentNumber else { return }
      storeCurrentBucket()
      let steps = min(number - currentNumber, Int64(calls.count))
      for _ in 0..<steps {
        current = current + 1 == calls.count ? 0 : current + 1
        totalCalls -= Int(calls[current])
        totalFailures -= Int(failures[current])
        calls[current] = 0
        failures[current] = 0
      }
      currentNumber = number
      currentBucketEnd = origin + (number + 1) * length
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

  /// Fixed: puts the current bucket's counts into its slot of the ring, leaving them 0.
  private mutating func storeCurrentBucket() {
    calls[current] = currentCalls
    failures[current] = currentFailures
    currentCalls = 0
    currentFailures = 0
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
    currentCalls = 0
    currentFailures = 0
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
      window.storeCurrentBucket()
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
