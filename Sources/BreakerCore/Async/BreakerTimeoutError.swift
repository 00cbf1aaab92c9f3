/// The error ``AsyncCircuitBreaker/run(_:)`` throws when a call outlives the configured
/// per-call `timeout`; the breaker records it as a ``Outcome/timeout``, that is a failure.
///
/// The timeout is enforced by cancelling the operation, and cancellation is cooperative:
/// the breaker records the timeout the moment the clock wins, but `run` returns only once the
/// operation has honoured the cancellation.
public struct BreakerTimeoutError: Error, Equatable, CustomStringConvertible {
  /// The per-call limit that expired.
  public var timeout: Duration

  /// Creates the error.
  /// - Parameter timeout: The per-call limit that expired.
  public init(timeout: Duration) {
    self.timeout = timeout
  }

  /// A one-line diagnostic such as `call timed out after 10s; counted as a failure`.
  public var description: String {
    "call timed out after \(DurationText.format(timeout.wholeMilliseconds)); counted as a failure"
  }
}
