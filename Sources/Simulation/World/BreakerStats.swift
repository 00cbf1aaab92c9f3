import BreakerCore

/// Counters kept for one breaker (or one unprotected service) since it was created.
public struct BreakerStats: Sendable, Equatable {
  /// Calls asked for, admitted or not (each retry attempt counts).
  public var calls = 0
  public var successes = 0
  /// Failures other than timeouts.
  public var failures = 0
  public var timeouts = 0
  /// Calls failed fast by the breaker.
  public var rejections = 0
  /// Results the breaker dropped as stale, or neutral ones.
  public var uncounted = 0
  /// Failed or rejected calls answered by a fallback instead.
  public var fallbacks = 0
  /// Virtual time callers spent waiting on calls (in flight, or queued for a serialised
  /// breaker), in milliseconds.
  public var waitingMillis: Milliseconds = 0
  /// Calls still in flight (hung calls without a timeout stay here for good).
  public var inFlight = 0

  /// Creates zeroed counters.
  public init() {}
}

extension BreakerStats {
  /// Counts one ended attempt; a result the breaker dropped (stale or neutral) is counted as
  /// `uncounted` only, so the counters always add up to `calls`.
  mutating func count(_ result: CallResult, fellBack: Bool, uncounted: Bool) {
    if fellBack { fallbacks += 1 }
    if uncounted {
      self.uncounted += 1
      return
    }
    switch result {
    case .success: successes += 1
    case .failure: failures += 1
    case .timeout: timeouts += 1
    case .rejected: rejections += 1
    case .starved: break
    }
  }
}
