import BreakerCore
import Testing

/// `KEY=VALUE` settings: every key's allowed values and diagnostic, the rules that tie keys
/// together, unknown keys and presets, and all-or-nothing application.
@Suite("Configuration settings")
struct ConfigurationTests {
  struct Rejected: Sendable, CustomTestStringConvertible {
    var preset: Preset
    var key: String
    var value: String
    var message: String
    var testDescription: String { "like=\(preset.rawValue) \(key)=\(value)" }

    init(_ key: String, _ value: String, _ message: String, on preset: Preset = .lesson) {
      self.preset = preset
      self.key = key
      self.value = value
      self.message = message
    }
  }

  static let count = "1..1000000"
  static let duration = "a duration from 1ms, e.g. 30s"

  /// One bad value per key (and the edges of each range), with the exact diagnostic.
  static let rejectedValues: [Rejected] = [
    Rejected("policy", "ratio", "'policy' must be count|rate|consecutive; got 'ratio'"),
    Rejected("threshold", "0", "'threshold' must be \(count); got '0'"),
    Rejected("threshold", "-3", "'threshold' must be \(count); got '-3'"),
    Rejected("threshold", "1000001", "'threshold' must be \(count); got '1000001'"),
    Rejected("threshold", "2.5", "'threshold' must be \(count); got '2.5'"),
    Rejected("threshold", "five", "'threshold' must be \(count); got 'five'"),
    Rejected("threshold", "", "'threshold' must be \(count); got ''"),
    Rejected("window", "0s", "'window' must be \(duration); got '0s'"),
    Rejected("window", "30", "'window' must be \(duration); got '30'"),
    Rejected(
      "window", "999999999999999h", "'window' must be \(duration); got '999999999999999h'"),
    Rejected(
      "rate", "101", "'rate' must be 0..100 (a percentage, e.g. 50 or 50%); got '101'"),
    Rejected(
      "rate", "-1", "'rate' must be 0..100 (a percentage, e.g. 50 or 50%); got '-1'"),
    Rejected(
      "rate", "100.5%", "'rate' must be 0..100 (a percentage, e.g. 50 or 50%); got '100.5%'"),
    Rejected(
      "rate", "half", "'rate' must be 0..100 (a percentage, e.g. 50 or 50%); got 'half'"),
    Rejected("volume", "-1", "'volume' must be 0..1000000; got '-1'"),
    Rejected("volume", "1000001", "'volume' must be 0..1000000; got '1000001'"),
    Rejected("rolling", "0ms", "'rolling' must be \(duration); got '0ms'"),
    Rejected("buckets", "0", "'buckets' must be 1..10000; got '0'"),
    Rejected("buckets", "10001", "'buckets' must be 1..10000; got '10001'"),
    Rejected("last", "0", "'last' must be \(count)|off; got '0'"),
    Rejected("last", "unlimited", "'last' must be \(count)|off; got 'unlimited'"),
    Rejected("buckets-clock", "rolling", "'buckets-clock' must be fixed|lazy; got 'rolling'"),
    Rejected("reset", "0ms", "'reset' must be \(duration); got '0ms'"),
    Rejected("reset", "-5s", "'reset' must be \(duration); got '-5s'"),
    Rejected(
      "reset-from", "close", "'reset-from' must be open|last-failure; got 'close'"),
    Rejected("reset-compare", "=", "'reset-compare' must be >|>=; got '='"),
    Rejected("trials", "0", "'trials' must be \(count)|unlimited; got '0'"),
    Rejected("trials", "off", "'trials' must be \(count)|unlimited; got 'off'"),
    Rejected("successes", "0", "'successes' must be \(count); got '0'"),
    Rejected("close-rule", "ratio", "'close-rule' must be successes|rate; got 'ratio'"),
    Rejected(
      "timeout", "0s", "'timeout' must be a duration from 1ms, e.g. 5s, or off; got '0s'"),
    Rejected("half-open", "eager", "'half-open' must be lazy|timer; got 'eager'"),
    Rejected("compare", "=>", "'compare' must be >|>=; got '=>'"),
    Rejected("percent", "rounded", "'percent' must be exact|integer; got 'rounded'"),
    Rejected("count-rejected", "maybe", "'count-rejected' must be on|off; got 'maybe'"),
    Rejected("clear", "open", "'clear' must be never|close|always; got 'open'"),
    Rejected("stale-guard", "1", "'stale-guard' must be on|off; got '1'"),
    Rejected("backoff", "0.5", "'backoff' must be 1..1000 (a multiplier, e.g. 2); got '0.5'"),
    Rejected("backoff", "1001", "'backoff' must be 1..1000 (a multiplier, e.g. 2); got '1001'"),
    Rejected("backoff", "-2", "'backoff' must be 1..1000 (a multiplier, e.g. 2); got '-2'"),
    Rejected("backoff", "2x", "'backoff' must be 1..1000 (a multiplier, e.g. 2); got '2x'"),
    Rejected(
      "backoff-cap", "0ms",
      "'backoff-cap' must be a duration from 1ms, e.g. 5s, or off; got '0ms'"),
    Rejected("ignored", "failure", "'ignored' must be neutral|success; got 'failure'"),
    Rejected(
      "evaluate", "sometimes",
      "'evaluate' must be failure|call|a snapshot interval of 1ms or more, e.g. 500ms; got "
        + "'sometimes'"),
    Rejected(
      "evaluate", "0ms",
      "'evaluate' must be failure|call|a snapshot interval of 1ms or more, e.g. 500ms; got "
        + "'0ms'"),
    Rejected("serialize", "always", "'serialize' must be on|off; got 'always'"),
  ]

  @Test(
    "A bad value is refused with the key, the allowed values and the value",
    arguments: rejectedValues)
  func rejectedValue(_ row: Rejected) {
    let original = row.preset.configuration
    #expect(throws: ConfigurationError(row.message)) {
      try original.setting(row.key, to: row.value)
    }
    #expect(throws: ConfigurationError(row.message)) {
      try original.applying([(row.key, row.value)])
    }
  }

  @Test("Every key is covered by the rejection table")
  func everyKeyHasARejection() {
    let covered = Set(Self.rejectedValues.map(\.key))
    let missing = ConfigurationKey.all.map(\.name).filter { !covered.contains($0) }
    #expect(missing.isEmpty, "keys without a rejection case: \(missing)")
  }

  struct Accepted: Sendable, CustomTestStringConvertible {
    var key: String
    var value: String
    /// How the value reads back.
    var shown: String
    var testDescription: String { "\(key)=\(value)" }

    init(_ key: String, _ value: String, shows shown: String? = nil) {
      self.key = key
      self.value = value
      self.shown = shown ?? value
    }
  }

  /// Values at the edges of each range, and the way each one reads back.
  static let acceptedValues: [Accepted] = [
    Accepted("policy", "consecutive"),
    Accepted("threshold", "1"),
    Accepted("threshold", "1000000"),
    Accepted("window", "1ms"),
    Accepted("window", "1m30s"),
    Accepted("window", "1m", shows: "60s"),
    Accepted("window", "90s", shows: "1m30s"),
    Accepted("rate", "0", shows: "0%"),
    Accepted("rate", "100%"),
    Accepted("rate", "12.5", shows: "12.5%"),
    Accepted("rate", "12.34", shows: "12.34%"),
    Accepted("volume", "0"),
    Accepted("volume", "1000000"),
    Accepted("buckets", "10000"),
    Accepted("last", "1"),
    Accepted("last", "off"),
    Accepted("reset", "1ms"),
    Accepted("reset-from", "last-failure"),
    Accepted("reset-compare", ">"),
    Accepted("trials", "unlimited"),
    Accepted("trials", "1000000"),
    Accepted("timeout", "off"),
    Accepted("timeout", "250ms"),
    Accepted("compare", ">"),
    Accepted("count-rejected", "yes", shows: "on"),
    Accepted("count-rejected", "false", shows: "off"),
    Accepted("backoff", "1"),
    Accepted("backoff", "1.5"),
    Accepted("backoff", "1000"),
    Accepted("backoff-cap", "2m"),
    Accepted("evaluate", "call"),
    Accepted("evaluate", "failure"),
    Accepted("serialize", "on"),
  ]

  @Test(
    "A good value is stored and reads back as typed (or normalised)",
    arguments: acceptedValues)
  func acceptedValue(_ row: Accepted) throws {
    let key = try #require(ConfigurationKey.named(row.key))
    let config = try Preset.lesson.configuration.setting(row.key, to: row.value)
    #expect(key.value(in: config) == row.shown)
    #expect(config.settingsDifferingFromPreset.allSatisfy { $0.hasPrefix("\(row.key)=") })
  }

  @Test("Periodic evaluation reads back as a duration")
  func periodicEvaluation() throws {
    let config = try Preset.hystrix.configuration.setting("evaluate", to: "250ms")
    #expect(config.evaluation == .periodic(250))
    #expect(ConfigurationKey.named("evaluate")?.value(in: config) == "250ms")
  }

  // MARK: - Rules that tie keys together

  struct Conflict: Sendable, CustomTestStringConvertible {
    var preset: Preset
    var settings: [(key: String, value: String)]
    var message: String
    var testDescription: String {
      (["like=\(preset.rawValue)"] + settings.map { "\($0.key)=\($0.value)" })
        .joined(separator: " ")
    }

    init(_ preset: Preset, _ settings: [(String, String)], _ message: String) {
      self.preset = preset
      self.settings = settings.map { (key: $0.0, value: $0.1) }
      self.message = message
    }
  }

  static let conflicts: [Conflict] = [
    Conflict(
      .opossum, [("rolling", "5ms")],
      "'buckets' must be at most the milliseconds in 'rolling' (5); got 10"),
    Conflict(
      .polly, [("buckets", "10000"), ("rolling", "9s")],
      "'buckets' must be at most the milliseconds in 'rolling' (9000); got 10000"),
    Conflict(
      .hystrix, [("evaluate", "11s")],
      "'evaluate' interval 11s must not exceed 'rolling' (10s)"),
    Conflict(
      .lesson, [("backoff-cap", "10s")],
      "'backoff-cap' (10s) must be at least 'reset' (30s)"),
    Conflict(
      .resilience4j, [("count-rejected", "on")],
      "'count-rejected=on' needs a time window; set 'last=off' or 'count-rejected=off'"),
    Conflict(
      .lesson, [("successes", "2")],
      "'successes' (2) must not exceed 'trials' (1), or the breaker could never close; "
        + "raise 'trials' too"),
    Conflict(
      .resilience4j, [("trials", "unlimited")],
      "'close-rule=rate' needs a number of 'trials'; got unlimited"),
    Conflict(
      .lesson, [("evaluate", "500ms")],
      "'evaluate=500ms' needs 'policy=rate'; set 'evaluate=failure' or 'policy=rate'"),
    Conflict(
      .hystrix, [("policy", "consecutive")],
      "'evaluate=500ms' needs 'policy=rate'; set 'evaluate=failure' or 'policy=rate'"),
  ]

  @Test(
    "Settings that contradict each other are refused, naming the key to change",
    arguments: conflicts)
  func conflict(_ row: Conflict) {
    let original = row.preset.configuration
    #expect(throws: ConfigurationError(row.message)) {
      try original.applying(row.settings)
    }
  }

  @Test("The same settings are fine where the rule does not apply")
  func rulesOnlyWhereTheyApply() throws {
    // The bucket rule is for time windows; a count window or `last=N` ignores `rolling`.
    _ = try Preset.lesson.configuration.applying([("rolling", "5ms")])
    _ = try Preset.resilience4j.configuration.applying([("rolling", "5ms")])
    // A count window with per-call evaluation is fine.
    _ = try Preset.lesson.configuration.applying([("evaluate", "call")])
    // Raising trials with successes is the documented fix.
    let config = try Preset.lesson.configuration.applying([
      ("successes", "2"), ("trials", "2"),
    ])
    #expect(config.successes == 2 && config.trials == 2)
  }

  // MARK: - Unknown keys and presets

  @Test(
    "An unknown key suggests the closest one, or points to 'help keys'",
    arguments: [
      ("treshold", "unknown key 'treshold'; did you mean 'threshold'?"),
      ("reset_from", "unknown key 'reset_from'; did you mean 'reset-from'?"),
      ("lik", "unknown key 'lik'; did you mean 'like'?"),
      ("timout", "unknown key 'timout'; did you mean 'timeout'?"),
      ("zzz", "unknown key 'zzz'; 'help keys' lists them"),
      ("", "unknown key ''; 'help keys' lists them"),
    ])
  func unknownKey(_ key: String, _ message: String) {
    #expect(throws: ConfigurationError(message)) {
      try BreakerConfiguration().setting(key, to: "1")
    }
  }

  static let presetNames = "lesson, opossum, pybreaker, resilience4j, polly, gobreaker, hystrix"

  @Test(
    "An unknown preset suggests the closest one, or lists them all",
    arguments: [
      ("opposum", "unknown preset 'opposum'; did you mean 'opossum'?"),
      ("hystix", "unknown preset 'hystix'; did you mean 'hystrix'?"),
      ("netflix", "unknown preset 'netflix'; presets: \(presetNames)"),
    ])
  func unknownPreset(_ name: String, _ message: String) {
    #expect(throws: ConfigurationError(message)) {
      try BreakerConfiguration().setting("like", to: name)
    }
  }

  // MARK: - Applying several settings

  @Test("A failed change leaves the configuration as it was")
  func failedApplyingChangesNothing() throws {
    let original = try Preset.opossum.configuration.applying([("rate", "40")])
    var config = original
    #expect(throws: ConfigurationError.self) {
      config = try config.applying([("rate", "60"), ("volume", "5"), ("rate", "200")])
    }
    #expect(config == original)
    #expect(throws: ConfigurationError.self) {
      config = try config.applying([("like", "polly"), ("rolling", "1ms")])
    }
    #expect(config == original)
    #expect(throws: ConfigurationError.self) {
      config = try config.setting("threshold", to: "0")
    }
    #expect(config == original)
    #expect(config.rate == 40)
  }

  @Test("The first bad setting is the one reported")
  func firstBadSettingReported() {
    #expect(throws: ConfigurationError("'threshold' must be 1..1000000; got '0'")) {
      try BreakerConfiguration().applying([("threshold", "0"), ("bogus", "1")])
    }
  }

  @Test("like= is applied first, wherever it is written")
  func likeFirst() throws {
    let config = try BreakerConfiguration().applying([
      ("threshold", "3"), ("like", "pybreaker"), ("reset", "1s"),
    ])
    #expect(config.preset == "pybreaker")
    #expect(config.policy == .consecutive)
    #expect(config.threshold == 3)
    #expect(config.reset == 1000)
    #expect(config.settingsDifferingFromPreset == ["threshold=3", "reset=1s"])
  }

  @Test("Rules are checked on the result, so settings may pass through a bad state")
  func validatedAtTheEnd() throws {
    #expect(throws: ConfigurationError.self) {
      try Preset.opossum.configuration.setting("rolling", to: "5ms")
    }
    let config = try Preset.opossum.configuration.applying([
      ("rolling", "5ms"), ("buckets", "5"),
    ])
    #expect(config.rolling == 5 && config.buckets == 5 && config.bucketLength == 1)
  }

  @Test("Differing settings re-create a configuration exactly", arguments: Preset.allCases)
  func describeAndRecreate(_ preset: Preset) throws {
    let config = try preset.configuration.applying([
      ("rate", "12.34"), ("reset", "1m30s"), ("backoff", "1.5"), ("backoff-cap", "1h1m"),
      ("timeout", "250ms"),
    ])
    let words = config.settingsDifferingFromPreset
    let pairs = words.map { word -> (key: String, value: String) in
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      return (parts[0], parts[1])
    }
    let recreated = try BreakerConfiguration().applying([("like", preset.rawValue)] + pairs)
    #expect(recreated == config, "\(words)")
  }
}
