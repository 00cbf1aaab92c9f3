/// Everything that decides how one breaker behaves: its policy, thresholds, timings and the
/// knobs on which real libraries differ.
///
/// A configuration is plain data. Presets (``Preset``) are named values of this type, and the
/// lab's `KEY=VALUE` settings change one field at a time through ``setting(_:to:)``, which
/// validates the whole result before anything changes.
public struct BreakerConfiguration: Sendable, Equatable {
  /// How failures are counted while CLOSED.
  public enum Policy: String, Sendable, CaseIterable {
    /// `threshold` failures within `window` trip the breaker.
    case count
    /// The error percentage over a rolling window trips it, once `volume` calls were seen.
    case rate
    /// `threshold` failures in a row trip it; a success resets the run.
    case consecutive
  }

  /// How the OPEN state becomes HALF_OPEN.
  public enum HalfOpenTrigger: String, Sendable, CaseIterable {
    /// The first call after the wait becomes the trial (most libraries).
    case lazy
    /// The state changes at exactly open + reset, with no call (opossum).
    case timer
  }

  /// Where the OPEN wait is measured from.
  public enum ResetAnchor: String, Sendable, CaseIterable {
    /// From the moment the breaker opened.
    case open
    /// From the most recent failure, even one that arrives while OPEN (the lesson's breaker).
    case lastFailure = "last-failure"
  }

  /// How the error rate is compared with `rate`.
  public enum Comparison: String, Sendable, CaseIterable {
    case greater = ">"
    case greaterOrEqual = ">="
  }

  /// When the failure window is emptied.
  public enum ClearPolicy: String, Sendable, CaseIterable {
    /// Never: old failures only leave by ageing out of the window (opossum).
    case never
    /// When the breaker closes (most libraries).
    case close
    /// On every transition (gobreaker's generations).
    case always
  }

  /// How a time-based rate window moves.
  public enum BucketClock: String, Sendable, CaseIterable {
    /// Buckets rotate on a fixed interval anchored at the breaker's creation (opossum,
    /// Hystrix, resilience4j's epoch seconds).
    case fixed
    /// A bucket starts at the first call after the previous one ended (Polly).
    case lazy
  }

  /// When the trip condition is evaluated while CLOSED.
  public enum Evaluation: Sendable, Equatable {
    /// After each recorded failure (opossum, Polly, gobreaker, pybreaker, the lesson).
    case onFailure
    /// After every recorded outcome, success included (resilience4j).
    case onOutcome
    /// On a periodic health snapshot, every given interval (Hystrix).
    case periodic(Milliseconds)
  }

  /// How HALF_OPEN decides to close.
  public enum CloseRule: String, Sendable, CaseIterable {
    /// `successes` successful trials close it; any failed trial reopens it.
    case successes
    /// After `trials` trial outcomes, close if the error rate is below `rate` (resilience4j).
    case rate
  }

  /// What an "ignored" outcome means.
  public enum IgnoredOutcome: String, Sendable, CaseIterable {
    /// Neither success nor failure; a half-open permit is given back.
    case neutral
    /// Counted as a success (pybreaker's `exclude`, opossum's `errorFilter`).
    case success
  }

  /// How an error percentage is computed.
  public enum PercentMath: String, Sendable, CaseIterable {
    /// Exact floating point.
    case exact
    /// Truncated to a whole percent before comparing (Hystrix).
    case integer
  }

  /// The preset this configuration started from, for display.
  public var preset: String = "lesson"
  public var policy: Policy = .count
  /// Failures (count policy) or consecutive failures (consecutive policy) that trip.
  public var threshold: Int = 5
  /// The count policy's monitoring window.
  public var window: Milliseconds = 60_000
  /// Error percentage that trips the rate policy.
  public var rate: Double = 50
  /// Minimum calls in the window before the rate policy may trip.
  public var volume: Int = 0
  /// Length of the rate policy's rolling window.
  public var rolling: Milliseconds = 10_000
  /// Number of buckets in the rolling window.
  public var buckets: Int = 10
  /// When set, the rate policy counts the last N calls instead of a time window.
  public var lastCalls: Int? = nil
  public var bucketClock: BucketClock = .fixed
  /// Time in OPEN before a trial is allowed.
  public var reset: Milliseconds = 30_000
  public var resetFrom: ResetAnchor = .open
  /// Whether a lazy trial is allowed once `reset` has elapsed (`>=`) or only after (`>`).
  public var resetComparison: Comparison = .greaterOrEqual
  /// Calls admitted per HALF_OPEN episode; `nil` admits every call.
  public var trials: Int? = 1
  /// Successful trials needed to close.
  public var successes: Int = 1
  public var closeRule: CloseRule = .successes
  /// Per-call timeout; `nil` means none (a hung call then never ends).
  public var timeout: Milliseconds? = nil
  public var halfOpen: HalfOpenTrigger = .lazy
  public var comparison: Comparison = .greaterOrEqual
  public var percentMath: PercentMath = .exact
  /// Whether every attempt, rejected ones included, counts toward volume and rate when made.
  public var countRejected: Bool = false
  public var clear: ClearPolicy = .close
  /// Whether a result from a call admitted before the latest state change is dropped.
  public var staleGuard: Bool = false
  /// Growth factor of the OPEN wait after each failed trial (1 = fixed).
  public var backoff: Double = 1
  /// Upper bound of the OPEN wait when `backoff` grows it.
  public var backoffCap: Milliseconds? = nil
  public var ignored: IgnoredOutcome = .neutral
  public var evaluation: Evaluation = .onFailure
  /// Whether calls through the breaker run one at a time, later callers waiting (pybreaker).
  public var serialized: Bool = false

  /// A count-policy breaker (5 failures within 60s, 30s wait from opening, one trial); the
  /// named presets (``Preset/configuration``) start from this value.
  public init() {}

  /// The length of one bucket of the rolling window.
  public var bucketLength: Milliseconds { max(1, rolling / Milliseconds(buckets)) }
}
