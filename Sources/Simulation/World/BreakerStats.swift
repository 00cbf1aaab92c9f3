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

/// One breaker in the world: the state machine, its counters and its timeline marks.
public struct BreakerSlot: Sendable {
  public var name: String
  public var breaker: CircuitBreaker
  public var stats = BreakerStats()
  /// Every transition so far, oldest first, capped (see ``World/transitionLogLimit``).
  public var transitions: [Transition] = []
  /// Transitions dropped from the front of ``transitions`` by the cap.
  public var droppedTransitions = 0
  /// When the breaker was first created (a reconfiguration keeps it).
  public internal(set) var createdAt: Milliseconds
  /// A serialised breaker's lock: whether a call holds it.
  var lockHeld = false
  /// The deadline already on the world's event queue for this breaker's timers.
  var scheduledDeadline: Milliseconds?

  init(name: String, breaker: CircuitBreaker) {
    self.name = name
    self.breaker = breaker
    self.createdAt = breaker.origin
  }

  /// The breaker's next timer if it is not on the world's queue yet, which it then marks as
  /// scheduled; `nil` when there is no timer or it is already queued.
  mutating func takeUnscheduledDeadline(now: Milliseconds) -> Milliseconds? {
    guard let deadline = breaker.nextDeadline else { return nil }
    if let scheduled = scheduledDeadline, scheduled <= deadline, scheduled >= now {
      return nil
    }
    scheduledDeadline = deadline
    return deadline
  }
}
