import BreakerCore

/// How one call attempt ended, as the trace and the printer report it.
public enum CallResult: String, Sendable, Equatable {
  case success
  case failure
  case timeout
  /// Failed fast by the breaker; the service was not reached.
  case rejected
  /// No worker was free in the application's pool; nothing was called.
  case starved
}

/// One call attempt that ended (or was turned away).
public struct CallRecord: Sendable, Equatable {
  /// When it ended.
  public var at: Milliseconds
  /// When it started.
  public var startedAt: Milliseconds
  public var service: String
  /// The breaker it went through, if any.
  public var breaker: String?
  public var result: CallResult
  /// 1 for the first attempt, 2 for the first retry, ...
  public var attempt: Int
  /// Whether a fallback answered instead.
  public var fellBack: Bool
  /// Whether the breaker dropped the result as stale or neutral (it changed no counts).
  public var uncounted: Bool
  /// Whether the call came from a `load` rather than a direct command.
  public var fromLoad: Bool
  /// The outcome forced by `succeed`/`fail`/`ignore` (no service was reached), if any.
  public var forced: Outcome?
  /// For a rejection: why.
  public var rejection: Rejection?
}

/// Something that happened in the world, reported to an observer as it happens.
public enum WorldEvent: Sendable, Equatable {
  /// A breaker changed state.
  case transition(breaker: String, Transition)
  /// A call attempt ended.
  case call(CallRecord)
}

/// Receives the world's events as they happen, and may ask long work to stop.
public protocol WorldObserver {
  /// Called for every event, in order.
  mutating func observe(_ event: WorldEvent)
  /// Polled during long work (every few thousand events); `true` stops it at a consistent
  /// point, as Ctrl-C does.
  var shouldStop: Bool { get }
  /// Whether the observer wants a ``WorldEvent/call(_:)`` event for every call attempt
  /// (default `true`). `false` spares the world building a record (with the service's and
  /// breaker's names) for each of millions of calls that the observer would drop.
  var observesCalls: Bool { get }
}

extension WorldObserver {
  public var shouldStop: Bool { false }
  public var observesCalls: Bool { true }
}

/// An observer that ignores everything.
public struct IgnoringObserver: WorldObserver {
  /// Creates the observer.
  public init() {}
  public mutating func observe(_ event: WorldEvent) {}
  /// `false`: no call events are built for this observer.
  public var observesCalls: Bool { false }
}
