/// A named starting configuration that reproduces one real library (`like=NAME`).
///
/// Presets are data: each one is a ``BreakerConfiguration`` value with that library's policy,
/// defaults and quirks. The notes in `docs/research/` cite the source each value comes from.
public enum Preset: String, Sendable, CaseIterable {
  /// The course's from-scratch breaker.
  case lesson
  /// opossum 10 (Node.js).
  case opossum
  /// pybreaker 1.4 (Python).
  case pybreaker
  /// resilience4j 2 (Java), count-based sliding window.
  case resilience4j
  /// Polly 8 (.NET), advanced circuit breaker.
  case polly
  /// gobreaker 2 (Go), default `ReadyToTrip`.
  case gobreaker
  /// Hystrix 1.5.12+ (Java).
  case hystrix

  /// One line describing what the preset models, for `help` and listings.
  public var summary: String {
    switch self {
    case .lesson:
      "the course's breaker: 5 failures within 60s, wait 30s from the last failure, 1 trial"
    case .opossum:
      "opossum 10: error rate > 50% over 10s, timer half-open after 30s, 1 trial, 10s timeout"
    case .pybreaker:
      "pybreaker 1.4: 5 consecutive failures, lazy half-open after 60s, calls serialised"
    case .resilience4j:
      "resilience4j 2: >= 50% of the last 100 calls (min 100), wait 60s, 10 trials by rate"
    case .polly:
      "Polly 8: >= 10% over 30s (min 100 calls), break 5s, 1 probe"
    case .gobreaker:
      "gobreaker 2: more than 5 consecutive failures, wait 60s, stale results dropped"
    case .hystrix:
      "Hystrix 1.5: >= 50% (whole percent) of 20+ calls in 10s, checked every 500ms, sleep 5s"
    }
  }

  /// The preset's configuration.
  public var configuration: BreakerConfiguration {
    var config = BreakerConfiguration()
    config.preset = rawValue
    switch self {
    case .lesson:
      config.policy = .count
      config.threshold = 5
      config.window = 60_000
      config.reset = 30_000
      config.resetFrom = .lastFailure
      config.trials = 1
      config.clear = .close
    case .opossum:
      config.policy = .rate
      config.rate = 50
      config.comparison = .greater
      config.volume = 0
      config.rolling = 10_000
      config.buckets = 10
      config.reset = 30_000
      config.halfOpen = .timer
      config.trials = 1
      config.timeout = 10_000
      config.countRejected = true
      config.clear = .never
      // No neutral outcome: an error `errorFilter` accepts is emitted as a success.
      config.ignored = .success
    case .pybreaker:
      config.policy = .consecutive
      config.threshold = 5
      config.reset = 60_000
      config.trials = nil
      config.successes = 1
      config.ignored = .success
      config.serialized = true
    case .resilience4j:
      config.resetComparison = .greater
      config.policy = .rate
      config.rate = 50
      config.lastCalls = 100
      config.volume = 100
      config.reset = 60_000
      config.trials = 10
      config.closeRule = .rate
      config.evaluation = .onOutcome
    case .polly:
      config.policy = .rate
      config.rate = 10
      config.volume = 100
      config.rolling = 30_000
      config.buckets = 10
      config.bucketClock = .lazy
      config.reset = 5_000
      config.trials = 1
      // No neutral outcome: an outcome `ShouldHandle` rejects takes the success path.
      config.ignored = .success
    case .gobreaker:
      config.resetComparison = .greater
      config.policy = .consecutive
      config.threshold = 6
      config.reset = 60_000
      config.trials = 1
      config.successes = 1
      config.clear = .always
      config.staleGuard = true
    case .hystrix:
      config.resetComparison = .greater
      config.policy = .rate
      config.rate = 50
      config.percentMath = .integer
      config.volume = 20
      config.rolling = 10_000
      config.buckets = 20
      config.reset = 5_000
      config.trials = 1
      config.timeout = 1_000
      config.evaluation = .periodic(500)
    }
    return config
  }
}
