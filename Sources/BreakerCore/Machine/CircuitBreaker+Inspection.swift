extension CircuitBreaker {
  /// While OPEN: the first moment a lazy trial is admitted, or the timer fires: ``trialAt``,
  /// or one millisecond after it when the wait must have passed (`reset-compare=>`).
  @inlinable @inline(__always)
  public var firstTrialAt: Milliseconds {
    configuration.halfOpen == .lazy && configuration.resetComparison == .greater
      ? trialAt + 1 : trialAt
  }

  /// The most recent failure times the count policy keeps (at most `threshold`), oldest first.
  public var recentFailureTimes: [Milliseconds] { failureTimes.all }

  /// How many kept failures still count at `now` (count policy).
  public func failuresInWindow(at now: Milliseconds) -> Int {
    failureTimes.count(within: configuration.window, at: now)
  }

  /// Calls and failures in the rate window as seen at `now` (rate policy).
  public func rateTotals(at now: Milliseconds) -> (calls: Int, failures: Int) {
    rateWindow.totals(at: now)
  }

  /// The rate window's buckets as seen at `now`, oldest first (rate policy).
  public func rateBuckets(at now: Milliseconds) -> [WindowBucket] {
    rateWindow.buckets(at: now)
  }

  /// The error percentage the rate policy would compare at `now`, or `nil` with no calls.
  public func errorPercent(at now: Milliseconds) -> Double? {
    let (calls, failures) = rateTotals(at: now)
    guard calls > 0 else { return failures > 0 ? 100 : nil }
    return Double(failures) / Double(calls) * 100
  }
}
