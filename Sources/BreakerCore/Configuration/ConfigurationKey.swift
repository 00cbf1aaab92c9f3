/// One `KEY=VALUE` setting of a breaker: its name, what it means and how its value is read.
public struct ConfigurationKey: Sendable {
  /// The key as typed, e.g. `threshold`.
  public let name: String
  /// The allowed values, e.g. `1..1000000` or `lazy|timer`, for help and diagnostics.
  public let values: String
  /// One line saying what the key does.
  public let summary: String
  let apply: @Sendable (inout BreakerConfiguration, String) -> Bool
  let show: @Sendable (BreakerConfiguration) -> String

  /// The largest count accepted for thresholds, volumes and windows of calls.
  public static let maximumCount = 1_000_000
  /// The largest number of buckets in a rolling window.
  public static let maximumBuckets = 10_000

  /// Every key, in the order `help keys` lists them.
  public static let all: [ConfigurationKey] = [
    choice("policy", \.policy, "how failures are counted while CLOSED"),
    count("threshold", \.threshold, "failures (count) or consecutive failures that trip"),
    duration("window", \.window, "the count policy's monitoring window"),
    percent("rate", \.rate, "error percentage that trips the rate policy"),
    count("volume", \.volume, "minimum calls in the window before the rate can trip", from: 0),
    duration("rolling", \.rolling, "length of the rate policy's rolling window"),
    count("buckets", \.buckets, "buckets in the rolling window", upTo: maximumBuckets),
    optionalCount("last", \.lastCalls, "rate over the last N calls instead of a time window"),
    choice("buckets-clock", \.bucketClock, "fixed rotation from creation, or lazy (Polly)"),
    duration("reset", \.reset, "time in OPEN before a trial is allowed", from: 1),
    choice("reset-from", \.resetFrom, "measure the OPEN wait from opening or the last failure"),
    choice(
      "reset-compare", \.resetComparison,
      "lazy trial once the wait has elapsed (>=) or only after it (>)"),
    optionalCount("trials", \.trials, "calls admitted while HALF_OPEN", offWord: "unlimited"),
    count("successes", \.successes, "successful trials needed to close"),
    choice("close-rule", \.closeRule, "close after successes, or by the trials' error rate"),
    optionalDuration("timeout", \.timeout, "per-call timeout (a timeout is a failure)"),
    choice("half-open", \.halfOpen, "lazy: the first call after reset is the trial; timer"),
    choice("compare", \.comparison, "how the error rate is compared with 'rate'"),
    choice("percent", \.percentMath, "exact error rate, or truncated to a whole percent"),
    flag("count-rejected", \.countRejected, "rejected calls count toward volume and rate"),
    choice("clear", \.clear, "when the failure window is emptied"),
    flag("stale-guard", \.staleGuard, "drop results of calls admitted before a state change"),
    backoffKey,
    optionalDuration("backoff-cap", \.backoffCap, "upper bound of the grown OPEN wait"),
    choice("ignored", \.ignored, "an ignored outcome is neutral or counts as a success"),
    evaluationKey,
    flag("serialize", \.serialized, "calls run one at a time; later callers wait (pybreaker)"),
  ]

  /// The key with this name, if any.
  public static func named(_ name: some StringProtocol) -> ConfigurationKey? {
    all.first { $0.name == name }
  }

  /// The current value of this key in `configuration`, as it would be typed.
  public func value(in configuration: BreakerConfiguration) -> String { show(configuration) }
}

// MARK: - Key builders

extension ConfigurationKey {
  fileprivate static func count(
    _ name: String, _ path: any WritableKeyPath<BreakerConfiguration, Int> & Sendable,
    _ summary: String, from low: Int = 1, upTo high: Int = maximumCount
  ) -> ConfigurationKey {
    ConfigurationKey(
      name: name, values: "\(low)..\(high)", summary: summary,
      apply: { config, text in
        guard let value = Int(text), value >= low, value <= high else { return false }
        config[keyPath: path] = value
        return true
      },
      show: { "\($0[keyPath: path])" })
  }

  fileprivate static func optionalCount(
    _ name: String, _ path: any WritableKeyPath<BreakerConfiguration, Int?> & Sendable,
    _ summary: String, offWord: String = "off"
  ) -> ConfigurationKey {
    ConfigurationKey(
      name: name, values: "1..\(maximumCount)|\(offWord)", summary: summary,
      apply: { config, text in
        if text == offWord {
          config[keyPath: path] = nil
          return true
        }
        guard let value = Int(text), value >= 1, value <= maximumCount else { return false }
        config[keyPath: path] = value
        return true
      },
      show: { $0[keyPath: path].map { "\($0)" } ?? offWord })
  }

  fileprivate static func duration(
    _ name: String, _ path: any WritableKeyPath<BreakerConfiguration, Milliseconds> & Sendable,
    _ summary: String, from low: Milliseconds = 1
  ) -> ConfigurationKey {
    ConfigurationKey(
      name: name, values: "a duration from \(DurationText.format(low)), e.g. 30s",
      summary: summary,
      apply: { config, text in
        guard let value = DurationText.parse(text), value >= low else { return false }
        config[keyPath: path] = value
        return true
      },
      show: { DurationText.format($0[keyPath: path]) })
  }

  fileprivate static func optionalDuration(
    _ name: String, _ path: any WritableKeyPath<BreakerConfiguration, Milliseconds?> & Sendable,
    _ summary: String
  ) -> ConfigurationKey {
    ConfigurationKey(
      name: name, values: "a duration from 1ms, e.g. 5s, or off", summary: summary,
      apply: { config, text in
        if text == "off" {
          config[keyPath: path] = nil
          return true
        }
        guard let value = DurationText.parse(text), value >= 1 else { return false }
        config[keyPath: path] = value
        return true
      },
      show: { $0[keyPath: path].map(DurationText.format) ?? "off" })
  }

  fileprivate static func percent(
    _ name: String, _ path: any WritableKeyPath<BreakerConfiguration, Double> & Sendable,
    _ summary: String
  ) -> ConfigurationKey {
    ConfigurationKey(
      name: name, values: "0..100 (a percentage, e.g. 50 or 50%)", summary: summary,
      apply: { config, text in
        guard let value = PercentText.parse(text) else { return false }
        config[keyPath: path] = value
        return true
      },
      show: { config in
        // Exact, so that a described configuration can be re-created: `12.34` stays `12.34%`.
        let value = config[keyPath: path]
        let short = PercentText.format(value)
        let exact = "\(value)%"
        return PercentText.parse(short) != value && PercentText.parse(exact) == value
          ? exact : short
      })
  }

  fileprivate static func flag(
    _ name: String, _ path: any WritableKeyPath<BreakerConfiguration, Bool> & Sendable,
    _ summary: String
  ) -> ConfigurationKey {
    ConfigurationKey(
      name: name, values: "on|off", summary: summary,
      apply: { config, text in
        switch text {
        case "on", "yes", "true": config[keyPath: path] = true
        case "off", "no", "false": config[keyPath: path] = false
        default: return false
        }
        return true
      },
      show: { $0[keyPath: path] ? "on" : "off" })
  }

  fileprivate static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
    _ name: String, _ path: any WritableKeyPath<BreakerConfiguration, Value> & Sendable,
    _ summary: String
  ) -> ConfigurationKey where Value.RawValue == String {
    ConfigurationKey(
      name: name, values: Value.allCases.map(\.rawValue).joined(separator: "|"),
      summary: summary,
      apply: { config, text in
        guard let value = Value(rawValue: text) else { return false }
        config[keyPath: path] = value
        return true
      },
      show: { $0[keyPath: path].rawValue })
  }

  fileprivate static let backoffKey = ConfigurationKey(
    name: "backoff", values: "1..1000 (a multiplier, e.g. 2)",
    summary: "growth of the OPEN wait after each failed trial",
    apply: { config, text in
      guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
        let value = Double(text), value >= 1, value <= 1000
      else { return false }
      config.backoff = value
      return true
    },
    show: { config in
      config.backoff == config.backoff.rounded()
        ? "\(Int(config.backoff))" : "\(config.backoff)"
    })

  fileprivate static let evaluationKey = ConfigurationKey(
    name: "evaluate", values: "failure|call|a snapshot interval of 1ms or more, e.g. 500ms",
    summary: "when the trip condition is checked while CLOSED",
    apply: { config, text in
      switch text {
      case "failure": config.evaluation = .onFailure
      case "call": config.evaluation = .onOutcome
      default:
        guard let interval = DurationText.parse(text), interval >= 1 else { return false }
        config.evaluation = .periodic(interval)
      }
      return true
    },
    show: { config in
      switch config.evaluation {
      case .onFailure: "failure"
      case .onOutcome: "call"
      case .periodic(let interval): DurationText.format(interval)
      }
    })
}
