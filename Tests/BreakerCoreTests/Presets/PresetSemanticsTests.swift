import BreakerCore
import Testing

/// Each preset's defaults and the quirks that make it behave like its library, shown on
/// scripted histories next to the setting that removes the quirk.
@Suite("Preset semantics")
struct PresetSemanticsTests {
  // MARK: - Defaults

  struct Defaults: Sendable, CustomTestStringConvertible {
    var preset: Preset
    var values: [String: String]
    var testDescription: String { preset.rawValue }
  }

  static let defaults: [Defaults] = [
    Defaults(
      preset: .lesson,
      values: [
        "policy": "count", "threshold": "5", "window": "60s", "reset": "30s",
        "reset-from": "last-failure", "half-open": "lazy", "trials": "1", "successes": "1",
        "clear": "close", "ignored": "neutral", "timeout": "off",
      ]),
    Defaults(
      preset: .opossum,
      values: [
        "policy": "rate", "rate": "50%", "compare": ">", "volume": "0", "rolling": "10s",
        "buckets": "10", "buckets-clock": "fixed", "reset": "30s", "half-open": "timer",
        "trials": "1", "timeout": "10s", "count-rejected": "on", "clear": "never",
        "evaluate": "failure", "ignored": "success", "last": "off",
      ]),
    Defaults(
      preset: .pybreaker,
      values: [
        "policy": "consecutive", "threshold": "5", "reset": "60s", "half-open": "lazy",
        "trials": "unlimited", "successes": "1", "ignored": "success", "serialize": "on",
        "clear": "close",
      ]),
    Defaults(
      preset: .resilience4j,
      values: [
        "policy": "rate", "rate": "50%", "compare": ">=", "last": "100", "volume": "100",
        "reset": "60s", "half-open": "lazy", "trials": "10", "close-rule": "rate",
        "evaluate": "call", "ignored": "neutral", "count-rejected": "off",
      ]),
    Defaults(
      preset: .polly,
      values: [
        "policy": "rate", "rate": "10%", "compare": ">=", "volume": "100", "rolling": "30s",
        "buckets": "10", "buckets-clock": "lazy", "reset": "5s", "half-open": "lazy",
        "trials": "1", "evaluate": "failure", "ignored": "success", "clear": "close",
      ]),
    Defaults(
      preset: .gobreaker,
      values: [
        "policy": "consecutive", "threshold": "6", "reset": "60s", "half-open": "lazy",
        "trials": "1", "successes": "1", "clear": "always", "stale-guard": "on",
        "ignored": "neutral",
      ]),
    Defaults(
      preset: .hystrix,
      values: [
        "policy": "rate", "rate": "50%", "compare": ">=", "percent": "integer",
        "volume": "20", "rolling": "10s", "buckets": "20", "reset": "5s", "half-open": "lazy",
        "trials": "1", "timeout": "1s", "evaluate": "500ms", "count-rejected": "off",
        "ignored": "neutral",
      ]),
  ]

  @Test("Presets carry their library's defaults", arguments: defaults)
  func presetDefaults(_ expected: Defaults) throws {
    let config = expected.preset.configuration
    #expect(config.preset == expected.preset.rawValue)
    for (name, value) in expected.values.sorted(by: { $0.key < $1.key }) {
      let key = try #require(ConfigurationKey.named(name), "no key '\(name)'")
      #expect(key.value(in: config) == value, "\(expected.preset.rawValue): \(name)")
    }
  }

  @Test("Every preset is valid, and like=NAME selects it exactly", arguments: Preset.allCases)
  func presetIsValid(_ preset: Preset) throws {
    #expect(throws: Never.self) { try preset.configuration.validated() }
    let chosen = try BreakerConfiguration().setting("like", to: preset.rawValue)
    #expect(chosen == preset.configuration)
    #expect(chosen.settingsDifferingFromPreset.isEmpty)
  }

  // MARK: - Quirks

  static let quirks: [Scenario] = [
    // lesson
    Scenario(
      "lesson: a success while CLOSED changes nothing", .lesson,
      script: "0:F 1:F 2:S 3:F 4:S 5:F 6:F",
      expected: ["6: CLOSED->OPEN (5 failures within 60s)"]),
    Scenario(
      "lesson: a failure exactly `window` old no longer counts", .lesson,
      script: "0:F 1:F 2:F 3:F 60000:F",
      expected: []),
    Scenario(
      "lesson: a failure 1ms younger than `window` still counts", .lesson,
      script: "1:F 2:F 3:F 4:F 60000:F",
      expected: ["60000: CLOSED->OPEN (5 failures within 60s)"]),
    Scenario(
      "lesson: a late failure while OPEN pushes the trial back", .lesson,
      script: "0:+a 1..5:F 10000:a=F 30005:R 39999:R 40000:S",
      expected: [
        "5: CLOSED->OPEN (5 failures within 60s)",
        "40000: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "40000: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "lesson with reset-from=open: a late failure changes nothing", .lesson,
      ["reset-from=open"],
      script: "0:+a 1..5:F 10000:a=F 30004:R 30005:S",
      expected: [
        "5: CLOSED->OPEN (5 failures within 60s)",
        "30005: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30005: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    // opossum
    Scenario(
      "opossum: exactly 50% does not trip (strict >)", .opossum,
      script: "0:S 1:F 2:S 3:F",
      expected: []),
    Scenario(
      "opossum: volume is inclusive (trips at fires == volume)", .opossum, ["volume=4"],
      script: "0:F 1:F 2:F 3:F",
      expected: ["3: CLOSED->OPEN (error rate 100% > 50% over 4 calls)"]),
    Scenario(
      "opossum: only a failure checks the rate", .opossum, ["volume=3"],
      script: "0:F 1:F 2:S 3:F",
      expected: ["3: CLOSED->OPEN (error rate 75% > 50% over 4 calls)"]),
    Scenario(
      "opossum with evaluate=call: the success that reaches the volume trips", .opossum,
      ["volume=3", "evaluate=call"],
      script: "0:F 1:F 2:S 3:R",
      expected: ["2: CLOSED->OPEN (error rate 66.7% > 50% over 3 calls)"]),
    Scenario(
      "opossum: rejected calls count as fires and dilute the rate", .opossum, ["reset=2s"],
      script: "0:F 500:3xR 2000:S 2001:F",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "2000: OPEN->HALF_OPEN (waited 2s; next call is a trial)",
        "2000: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "opossum with count-rejected=off: the same history re-trips", .opossum,
      ["reset=2s", "count-rejected=off"],
      script: "0:F 500:3xR 2000:S 2001:F",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "2000: OPEN->HALF_OPEN (waited 2s; next call is a trial)",
        "2000: HALF_OPEN->CLOSED (trial call succeeded)",
        "2001: CLOSED->OPEN (error rate 66.7% > 50% over 3 calls)",
      ]),
    Scenario(
      "opossum: stats survive closing, so one failure re-trips at once", .opossum,
      ["volume=3", "reset=2s"],
      script: "0..2:F 2002:S 2003:F",
      expected: [
        "2: CLOSED->OPEN (error rate 100% > 50% over 3 calls)",
        "2002: OPEN->HALF_OPEN (waited 2s; next call is a trial)",
        "2002: HALF_OPEN->CLOSED (trial call succeeded)",
        "2003: CLOSED->OPEN (error rate 80% > 50% over 5 calls)",
      ]),
    Scenario(
      "opossum with clear=close: the window starts empty after closing", .opossum,
      ["volume=3", "reset=2s", "clear=close"],
      script: "0..2:F 2002:S 2003:F",
      expected: [
        "2: CLOSED->OPEN (error rate 100% > 50% over 3 calls)",
        "2002: OPEN->HALF_OPEN (waited 2s; next call is a trial)",
        "2002: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "opossum: buckets of floor(10s / 3) keep a failure 9998ms later", .opossum,
      ["volume=2", "buckets=3"],
      script: "0:F 9998:F",
      expected: ["9998: CLOSED->OPEN (error rate 100% > 50% over 2 calls)"]),
    Scenario(
      "opossum: ... and drop it at 3 x 3333ms = 9999ms", .opossum,
      ["volume=2", "buckets=3"],
      script: "0:F 9999:F",
      expected: []),
    Scenario(
      "opossum: a stale success closes a breaker that admitted no trial", .opossum,
      script: "0:+a 1:F 2:F 30002:> 30005:a=S",
      expected: [
        "2: CLOSED->OPEN (error rate 66.7% > 50% over 3 calls)",
        "30002: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30005: HALF_OPEN->CLOSED (a call admitted before the trip succeeded late)",
      ]),
    Scenario(
      "opossum: an ignored outcome (errorFilter) is a success", .opossum,
      script: "0:F 30000:I",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "30000: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30000: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    // pybreaker
    Scenario(
      "pybreaker: after closing, 5 new failures in a row are needed", .pybreaker,
      script: "0..4:F 60004:S 60005..60008:F 60009:F",
      expected: [
        "4: CLOSED->OPEN (5 consecutive failures)",
        "60004: OPEN->HALF_OPEN (waited 60s; next call is a trial)",
        "60004: HALF_OPEN->CLOSED (trial call succeeded)",
        "60009: CLOSED->OPEN (5 consecutive failures)",
      ]),
    // resilience4j
    Scenario(
      "resilience4j: a success trips once the minimum is reached", .resilience4j,
      ["last=4", "volume=4"],
      script: "0:F 1:F 2:S 3:S",
      expected: ["3: CLOSED->OPEN (error rate 50% >= 50% over 4 calls)"]),
    Scenario(
      "resilience4j with evaluate=failure: the same success does not", .resilience4j,
      ["last=4", "volume=4", "evaluate=failure"],
      script: "0:F 1:F 2:S 3:S",
      expected: []),
    Scenario(
      "resilience4j: the minimum is capped at the window size", .resilience4j, ["last=4"],
      script: "0..2:F 3:F",
      expected: ["3: CLOSED->OPEN (error rate 100% >= 50% over 4 calls)"]),
    Scenario(
      "resilience4j: only the last N calls count", .resilience4j,
      ["last=4", "volume=4", "rate=75"],
      script: "0:F 1:S 2:S 3:S 4:F 5:F 6:F",
      expected: ["6: CLOSED->OPEN (error rate 75% >= 75% over 4 calls)"]),
    Scenario(
      "resilience4j: a stale success counts toward the trials' verdict", .resilience4j,
      ["last=4", "volume=2", "trials=2"],
      script: "0:+a 1:F 2:F 60003:+b 60004:a=S 60005:b=S",
      expected: [
        "2: CLOSED->OPEN (error rate 100% >= 50% over 2 calls)",
        "60003: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60005: HALF_OPEN->CLOSED (trial error rate 0% < 50% over 2 trials)",
      ]),
    // Polly
    Scenario(
      "Polly: a sub-window starts at its first call, so it lasts until 2000 + 30s", .polly,
      ["volume=2", "rate=100"],
      script: "2000:F 31999:F",
      expected: ["31999: CLOSED->OPEN (error rate 100% >= 100% over 2 calls)"]),
    Scenario(
      "Polly: a sub-window exactly `rolling` old is dropped", .polly,
      ["volume=2", "rate=100"],
      script: "2000:F 32000:F",
      expected: []),
    Scenario(
      "Polly with buckets-clock=fixed: the bucket [0, 3s) is gone at 30s", .polly,
      ["volume=2", "rate=100", "buckets-clock=fixed"],
      script: "2000:F 31999:F",
      expected: []),
    Scenario(
      "Polly: an unhandled outcome is a success and closes", .polly,
      script: "0..89:S 90..99:F 5099:I",
      expected: [
        "99: CLOSED->OPEN (error rate 10% >= 10% over 100 calls)",
        "5099: OPEN->HALF_OPEN (waited 5s; next call is a trial)",
        "5099: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    // gobreaker
    Scenario(
      "gobreaker: a success resets the run; the 6th failure in a row trips", .gobreaker,
      script: "0..4:F 5:S 6..10:F 11:F",
      expected: ["11: CLOSED->OPEN (6 consecutive failures)"]),
    Scenario(
      "gobreaker: a success from before the trip cannot close", .gobreaker,
      script: "0:+a 1..6:F 60007:+b 60008:a=S 60009:R 60010:b=S",
      expected: [
        "6: CLOSED->OPEN (6 consecutive failures)",
        "60007: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60010: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "gobreaker: a failure from before the trip cannot reopen", .gobreaker,
      script: "0:+a 1..6:F 60007:+b 60008:a=F 60010:b=S",
      expected: [
        "6: CLOSED->OPEN (6 consecutive failures)",
        "60007: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60010: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "gobreaker with stale-guard=off: that late success closes", .gobreaker,
      ["stale-guard=off"],
      script: "0:+a 1..6:F 60007:+b 60008:a=S",
      expected: [
        "6: CLOSED->OPEN (6 consecutive failures)",
        "60007: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60008: HALF_OPEN->CLOSED (a call admitted before the trip succeeded late)",
      ]),
    Scenario(
      "gobreaker with stale-guard=off: that late failure reopens", .gobreaker,
      ["stale-guard=off"],
      script: "0:+a 1..6:F 60007:+b 60008:a=F",
      expected: [
        "6: CLOSED->OPEN (6 consecutive failures)",
        "60007: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60008: HALF_OPEN->OPEN (a call admitted before the trip failed late)",
      ]),
    Scenario(
      "gobreaker: a result from an earlier CLOSED generation is dropped too", .gobreaker,
      script: "0:+a 1..6:F 60007:S 60008..60012:F 60013:a=F",
      expected: [
        "6: CLOSED->OPEN (6 consecutive failures)",
        "60007: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60007: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    // Hystrix
    Scenario(
      "Hystrix: 19 of 19 failures are below the volume of 20", .hystrix,
      script: "0..18:F 500:> 1000:> 20000:>",
      expected: []),
    Scenario(
      "Hystrix: the trip waits for the next 500ms snapshot", .hystrix,
      script: "100..119:F 499:> 500:>",
      expected: ["500: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)"]),
    Scenario(
      "Hystrix: snapshots fall on multiples of 500ms from creation", .hystrix,
      script: "500..519:F 999:> 1000:>",
      expected: ["1000: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)"]),
    Scenario(
      "Hystrix: a late look still stamps the trip at the snapshot", .hystrix,
      script: "100..119:F 4000:>",
      expected: ["500: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)"]),
    Scenario(
      "Hystrix with evaluate=failure: trips at the failure itself", .hystrix,
      ["evaluate=failure"],
      script: "100..119:F",
      expected: ["119: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)"]),
    Scenario(
      "Hystrix: 49.7% is 49 as a whole percent, below 49.5%", .hystrix, ["rate=49.5"],
      script: "0..98:F 99..198:S 500:> 1000:>",
      expected: []),
    Scenario(
      "Hystrix with percent=exact: 49.7% trips at 49.5%", .hystrix,
      ["rate=49.5", "percent=exact"],
      script: "0..98:F 99..198:S 500:>",
      expected: ["500: CLOSED->OPEN (error rate 49.7% >= 49.5% over 199 calls)"]),
    Scenario(
      "Hystrix: closing empties the window (markSuccess resets the stream)", .hystrix,
      script: "0..19:F 5501:S 5502..5520:F 6000:>",
      expected: [
        "500: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)",
        "5501: OPEN->HALF_OPEN (waited 5s1ms; next call is a trial)",
        "5501: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
  ]

  @Test("Library quirks", arguments: quirks)
  func quirk(_ scenario: Scenario) throws {
    try scenario.check()
  }
}
