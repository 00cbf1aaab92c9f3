/// What a `load` (or a sequential `call`) did, counted by attempt result.
public struct LoadSummary: Sendable, Equatable {
  /// Requests made (a request is one call with its retries).
  public var requests = 0
  public var successes = 0
  public var failures = 0
  public var timeouts = 0
  public var rejections = 0
  public var starved = 0
  public var fallbacks = 0
  /// Attempts still in flight when the operation returned.
  public var stillInFlight = 0
  /// Whether the operation was interrupted before its end.
  public var interrupted = false
  /// Whether a sequential call could never end (a hang with no timeout).
  public var stuck = false

  /// Creates zeroed counters.
  public init() {}

  /// Counts one ended attempt by its result.
  public mutating func count(_ record: CallRecord) {
    count(record.result, fellBack: record.fellBack)
  }

  /// Counts one ended attempt by its result, and whether a fallback answered.
  public mutating func count(_ result: CallResult, fellBack: Bool) {
    switch result {
    case .success: successes += 1
    case .failure: failures += 1
    case .timeout: timeouts += 1
    case .rejected: rejections += 1
    case .starved: starved += 1
    }
    if fellBack { fallbacks += 1 }
  }
}
