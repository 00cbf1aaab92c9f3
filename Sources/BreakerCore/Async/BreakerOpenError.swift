/// The error ``AsyncCircuitBreaker/run(_:)`` throws when the breaker fails a call fast,
/// without running it.
///
/// It says why (``reason``), in which state, and when a trial call will be allowed if that is
/// known, so a service can answer with a `Retry-After` instead of a bare failure. Its
/// ``description`` reads like a diagnostic:
///
/// ```swift
/// do {
///   _ = try await breaker.run { try await inventory.fetch(sku) }
/// } catch let error as AsyncCircuitBreaker<ContinuousClock>.OpenError {
///   print(error)   // circuit is OPEN; failing fast; a trial is allowed in 12s
/// }
/// ```
public struct BreakerOpenError<Instant: InstantProtocol>: Error, Equatable, CustomStringConvertible
where Instant.Duration == Duration {
  /// The breaker's state when it rejected the call: ``BreakerState/open`` or
  /// ``BreakerState/halfOpen`` (every trial slot taken); any state when forced open.
  public var state: BreakerState
  /// Why the call was rejected.
  public var reason: Rejection
  /// When a trial call will be allowed, if that is known (it is not while HALF_OPEN trials
  /// are still deciding, nor while the breaker is forced open).
  public var retryAt: Instant?
  /// How long after the rejection ``retryAt`` comes, if it is known.
  public var retryAfter: Duration?

  /// Creates the error; ``AsyncCircuitBreaker`` makes these, tests and fakes may too.
  /// - Parameters:
  ///   - state: The breaker's state at the rejection.
  ///   - reason: Why the call was rejected.
  ///   - retryAt: When a trial call will be allowed, if known.
  ///   - retryAfter: How long until then, if known.
  public init(
    state: BreakerState, reason: Rejection, retryAt: Instant? = nil, retryAfter: Duration? = nil
  ) {
    self.state = state
    self.reason = reason
    self.retryAt = retryAt
    self.retryAfter = retryAfter
  }

  /// A one-line diagnostic such as `circuit is OPEN; failing fast; a trial is allowed in 12s`.
  public var description: String {
    switch reason {
    case .forcedOpen:
      return "circuit is forced open; failing fast"
    case .trialsTaken(let limit):
      let slots = limit == 1 ? "the only trial slot is taken" : "all \(limit) trial slots are taken"
      return "circuit is \(state.label); failing fast; \(slots)"
    case .open:
      guard let retryAfter else { return "circuit is \(state.label); failing fast" }
      let wait = retryAfter.wholeMilliseconds
      let when = wait == 0 ? "now" : "in \(DurationText.format(wait))"
      return "circuit is \(state.label); failing fast; a trial is allowed \(when)"
    }
  }
}
