import BreakerCore
import Testing

/// Every transition of the three-state machine, for every policy and every preset, as exact
/// histories: when it happens and the reason text the lab prints.
@Suite("Transition tables")
struct TransitionTableTests {
  // MARK: - CLOSED -> OPEN

  static let trips: [Scenario] = [
    Scenario(
      "count: the 5th failure within the window trips", .lesson,
      script: "0..3:F 4:F 5:R",
      expected: ["4: CLOSED->OPEN (5 failures within 60s)"]),
    Scenario(
      "count: 3 failures within 10s", .lesson, ["threshold=3", "window=10s"],
      script: "0:F 5000:F 9999:F",
      expected: ["9999: CLOSED->OPEN (3 failures within 10s)"]),
    Scenario(
      "count: one failure, singular reason", .lesson, ["threshold=1"],
      script: "7:F 8:R",
      expected: ["7: CLOSED->OPEN (1 failure within 60s)"]),
    Scenario(
      "count: a timeout is a failure", .lesson,
      script: "0..4:T",
      expected: ["4: CLOSED->OPEN (5 failures within 60s)"]),
    Scenario(
      "rate, fixed buckets: 2 of 3 calls is more than 50%", .opossum,
      script: "0:S 1:F 2:F 3:R",
      expected: ["2: CLOSED->OPEN (error rate 66.7% > 50% over 3 calls)"]),
    Scenario(
      "rate, fixed buckets: the first failure with volume 0", .opossum,
      script: "0:F",
      expected: ["0: CLOSED->OPEN (error rate 100% > 50% over 1 call)"]),
    Scenario(
      "rate, fixed buckets, >=: half the calls trip", .opossum, ["compare=>="],
      script: "0:S 1:F",
      expected: ["1: CLOSED->OPEN (error rate 50% >= 50% over 2 calls)"]),
    Scenario(
      "rate, lazy buckets: 10% of 100 calls", .polly,
      script: "0..89:S 90..99:F 100:R",
      expected: ["99: CLOSED->OPEN (error rate 10% >= 10% over 100 calls)"]),
    Scenario(
      "rate, last 100 calls: the 100th failure reaches the minimum", .resilience4j,
      script: "0..99:F 100:R",
      expected: ["99: CLOSED->OPEN (error rate 100% >= 50% over 100 calls)"]),
    Scenario(
      "rate, periodic snapshot: 20 failures trip at the 500ms snapshot", .hystrix,
      script: "0..19:F 499:> 500:R",
      expected: ["500: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)"]),
    Scenario(
      "consecutive: the 5th failure in a row", .pybreaker,
      script: "0..4:F 5:R",
      expected: ["4: CLOSED->OPEN (5 consecutive failures)"]),
    Scenario(
      "consecutive: a success resets the run", .pybreaker,
      script: "0..3:F 4:S 5..8:F 9:F",
      expected: ["9: CLOSED->OPEN (5 consecutive failures)"]),
    Scenario(
      "consecutive: one timeout, singular reason", .pybreaker, ["threshold=1"],
      script: "7:T",
      expected: ["7: CLOSED->OPEN (1 consecutive failure)"]),
    Scenario(
      "consecutive: the 6th failure in a row (gobreaker's > 5)", .gobreaker,
      script: "0..4:F 5:F 6:R",
      expected: ["5: CLOSED->OPEN (6 consecutive failures)"]),
  ]

  @Test("CLOSED -> OPEN", arguments: trips)
  func closedToOpen(_ scenario: Scenario) throws {
    try scenario.check()
  }

  // MARK: - OPEN -> HALF_OPEN

  static let halfOpens: [Scenario] = [
    Scenario(
      "lazy: time alone never half-opens", .lesson,
      script: "0..4:F 30004:> 900000:>",
      expected: ["4: CLOSED->OPEN (5 failures within 60s)"]),
    Scenario(
      "lazy: the first call at open + reset is the trial", .lesson,
      script: "0..4:F 30003:R 30004:S",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30004: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "lazy: pybreaker admits at exactly opened_at + reset", .pybreaker,
      script: "0..4:F 60003:R 60004:S",
      expected: [
        "4: CLOSED->OPEN (5 consecutive failures)",
        "60004: OPEN->HALF_OPEN (waited 60s; next call is a trial)",
        "60004: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "lazy: Polly admits at exactly blockedUntil", .polly,
      script: "0..89:S 90..99:F 5098:R 5099:S",
      expected: [
        "99: CLOSED->OPEN (error rate 10% >= 10% over 100 calls)",
        "5099: OPEN->HALF_OPEN (waited 5s; next call is a trial)",
        "5099: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "lazy: resilience4j, a call after the wait", .resilience4j,
      script: "0..99:F 60098:R 60100:S",
      expected: [
        "99: CLOSED->OPEN (error rate 100% >= 50% over 100 calls)",
        "60100: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
      ]),
    Scenario(
      "lazy: gobreaker, a call after the wait", .gobreaker,
      script: "0..5:F 60004:R 60006:S",
      expected: [
        "5: CLOSED->OPEN (6 consecutive failures)",
        "60006: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60006: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "lazy: Hystrix, a call after the sleep window", .hystrix,
      script: "0..19:F 5499:R 5501:S",
      expected: [
        "500: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)",
        "5501: OPEN->HALF_OPEN (waited 5s1ms; next call is a trial)",
        "5501: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "lazy: opossum with half-open=lazy waits for a call", .opossum, ["half-open=lazy"],
      script: "0:F 30000:> 30001:S",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "30001: OPEN->HALF_OPEN (waited 30s1ms; next call is a trial)",
        "30001: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "timer: HALF_OPEN at exactly open + reset, with no call", .opossum,
      script: "0:F 29999:> 30000:>",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "30000: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
      ]),
    Scenario(
      "timer: a late first call finds HALF_OPEN stamped at the timer", .opossum,
      script: "0:F 45000:S",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "30000: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "45000: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "timer: the lesson's breaker with half-open=timer", .lesson, ["half-open=timer"],
      script: "0..4:F 30003:> 30004:>",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
      ]),
  ]

  @Test("OPEN -> HALF_OPEN, lazy and timer", arguments: halfOpens)
  func openToHalfOpen(_ scenario: Scenario) throws {
    try scenario.check()
  }

  @Test("A timer breaker reports its deadline and changes state at exactly open + reset")
  func timerDeadline() throws {
    var breaker = CircuitBreaker(Preset.opossum.configuration, at: 0)
    let decision = breaker.acquire(at: 100)
    let permit = try #require(decision.admission.permit)
    let recording = breaker.record(.failure, for: permit, at: 100)
    let opened = try #require(recording.transition)
    #expect(opened.to == .open)
    #expect(breaker.nextDeadline == 30_100)
    #expect(breaker.advance(to: 30_099) == nil)
    #expect(breaker.state == .open)
    let timer = breaker.advance(to: 90_000)
    let halfOpen = try #require(timer)
    #expect(halfOpen.from == .open && halfOpen.to == .halfOpen)
    #expect(halfOpen.at == 30_100)
    #expect(halfOpen.reason == .waitElapsed(30_000))
    #expect(breaker.state == .halfOpen)
    #expect(breaker.advance(to: 90_000) == nil)
  }

  @Test("A lazy breaker has no deadline while OPEN and says when a trial is allowed")
  func lazyHasNoDeadline() throws {
    var breaker = CircuitBreaker(Preset.pybreaker.configuration, at: 0)
    for time in Milliseconds(0)..<5 {
      let decision = breaker.acquire(at: time)
      let permit = try #require(decision.admission.permit)
      _ = breaker.record(.failure, for: permit, at: time)
    }
    #expect(breaker.state == .open)
    #expect(breaker.nextDeadline == nil)
    #expect(breaker.advance(to: 1_000_000) == nil)
    #expect(breaker.state == .open)
    let early = breaker.acquire(at: 60_003)
    #expect(early.admission == .rejected(.open(trialAt: 60_004)))
    #expect(early.transition == nil)
    let trial = breaker.acquire(at: 60_004)
    #expect(trial.admission.permit?.isTrial == true)
    #expect(trial.transition?.to == .halfOpen)
  }

  // MARK: - HALF_OPEN -> CLOSED and HALF_OPEN -> OPEN

  static let trialOutcomes: [Scenario] = [
    Scenario(
      "count: a trial success closes and forgets the old failures", .lesson,
      script: "0..4:F 30004:S 30005..30008:F 30009:F",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30004: HALF_OPEN->CLOSED (trial call succeeded)",
        "30009: CLOSED->OPEN (5 failures within 60s)",
      ]),
    Scenario(
      "count: a trial failure reopens and restarts the whole wait", .lesson,
      script: "0..4:F 30004:F 60003:R 60004:S",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30004: HALF_OPEN->OPEN (trial call failed)",
        "60004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "60004: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "rate: opossum's trial failure reopens even when the rate is low", .opossum,
      script: "0:F 30000:+a 30001..30009:R 30010:a=F 60009:> 60010:>",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "30000: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30010: HALF_OPEN->OPEN (trial call failed)",
        "60010: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
      ]),
    Scenario(
      "rate: Polly's single probe fails", .polly,
      script: "0..89:S 90..99:F 5099:+a 5100:R 5101:a=F 10100:R 10101:S",
      expected: [
        "99: CLOSED->OPEN (error rate 10% >= 10% over 100 calls)",
        "5099: OPEN->HALF_OPEN (waited 5s; next call is a trial)",
        "5101: HALF_OPEN->OPEN (trial call failed)",
        "10101: OPEN->HALF_OPEN (waited 5s; next call is a trial)",
        "10101: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "rate: Hystrix's probe fails and the sleep window restarts", .hystrix,
      script: "0..19:F 5501:F 10500:R 10502:S",
      expected: [
        "500: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)",
        "5501: OPEN->HALF_OPEN (waited 5s1ms; next call is a trial)",
        "5501: HALF_OPEN->OPEN (trial call failed)",
        "10502: OPEN->HALF_OPEN (waited 5s1ms; next call is a trial)",
        "10502: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "successes=2: two successes in a row close", .pybreaker, ["successes=2"],
      script: "0..4:F 60004:S 60005:S",
      expected: [
        "4: CLOSED->OPEN (5 consecutive failures)",
        "60004: OPEN->HALF_OPEN (waited 60s; next call is a trial)",
        "60005: HALF_OPEN->CLOSED (2 trial calls succeeded)",
      ]),
    Scenario(
      "successes=2: a failure after one success reopens", .pybreaker, ["successes=2"],
      script: "0..4:F 60004:S 60005:F",
      expected: [
        "4: CLOSED->OPEN (5 consecutive failures)",
        "60004: OPEN->HALF_OPEN (waited 60s; next call is a trial)",
        "60005: HALF_OPEN->OPEN (trial call failed)",
      ]),
    Scenario(
      "consecutive: gobreaker's trial failure reopens", .gobreaker,
      script: "0..5:F 60006:F 120005:R 120007:S",
      expected: [
        "5: CLOSED->OPEN (6 consecutive failures)",
        "60006: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60006: HALF_OPEN->OPEN (trial call failed)",
        "120007: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "120007: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "gobreaker MaxRequests=3: three successes close", .gobreaker,
      ["trials=3", "successes=3"],
      script: "0..5:F 60006:S 60007:S 60008:S",
      expected: [
        "5: CLOSED->OPEN (6 consecutive failures)",
        "60006: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60008: HALF_OPEN->CLOSED (3 trial calls succeeded)",
      ]),
    Scenario(
      "close-rule=rate: 4 of 10 trials failed closes", .resilience4j,
      script: resilience4jTrials(failures: 4),
      expected: [
        "99: CLOSED->OPEN (error rate 100% >= 50% over 100 calls)",
        "60100: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60119: HALF_OPEN->CLOSED (trial error rate 40% < 50% over 10 trials)",
      ]),
    Scenario(
      "close-rule=rate: 5 of 10 trials failed reopens", .resilience4j,
      script: resilience4jTrials(failures: 5) + " 120118:R 120120:S",
      expected: [
        "99: CLOSED->OPEN (error rate 100% >= 50% over 100 calls)",
        "60100: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60119: HALF_OPEN->OPEN (trial error rate 50% >= 50% over 10 trials)",
        "120120: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
      ]),
    Scenario(
      "close-rule=rate: the decision comes at min(volume, trials) outcomes", .resilience4j,
      ["volume=3", "last=3"],
      script: "0..2:F 60003:S 60004:S 60005:F",
      expected: [
        "2: CLOSED->OPEN (error rate 100% >= 50% over 3 calls)",
        "60003: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60005: HALF_OPEN->CLOSED (trial error rate 33.3% < 50% over 3 trials)",
      ]),
    Scenario(
      "close-rule=rate with compare=>: exactly 50% closes, and says <=", .resilience4j,
      ["last=2", "volume=2", "trials=2", "compare=>"],
      script: "0..1:F 60002:F 60003:S",
      expected: [
        "1: CLOSED->OPEN (error rate 100% > 50% over 2 calls)",
        "60002: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60003: HALF_OPEN->CLOSED (trial error rate 50% <= 50% over 2 trials)",
      ]),
    Scenario(
      "close-rule=rate with compare=>: more than 50% reopens, and says >", .resilience4j,
      ["last=2", "volume=2", "trials=2", "compare=>"],
      script: "0..1:F 60002:F 60003:F",
      expected: [
        "1: CLOSED->OPEN (error rate 100% > 50% over 2 calls)",
        "60002: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60003: HALF_OPEN->OPEN (trial error rate 100% > 50% over 2 trials)",
      ]),
  ]

  /// resilience4j's defaults: trip on 100 failures, then 10 trials in flight at once (the
  /// 11th is rejected), settled with `failures` failures first.
  static func resilience4jTrials(failures: Int) -> String {
    let starts = (0..<10).map { "\(60_100 + $0):+t\($0)" }
    let ends = (0..<10).map { "\(60_110 + $0):t\($0)=\($0 < failures ? "F" : "S")" }
    return (["0..99:F"] + starts + ["60109:R"] + ends).joined(separator: " ")
  }

  @Test("HALF_OPEN -> CLOSED and HALF_OPEN -> OPEN", arguments: trialOutcomes)
  func halfOpenOutcomes(_ scenario: Scenario) throws {
    try scenario.check()
  }

  // MARK: - Trial limits

  static let trialLimits: [Scenario] = [
    Scenario(
      "1 trial: a second caller is rejected while the trial runs", .lesson,
      script: "0..4:F 30004:+a 30005:R 30006:a=S",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30006: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "3 trials in total, not at once: used permits are not given back", .gobreaker,
      ["trials=3", "successes=3"],
      script: "0..5:F 60006:+a 60006:+b 60006:+c 60006:R 60007:a=S 60007:b=S 60007:R 60008:c=S",
      expected: [
        "5: CLOSED->OPEN (6 consecutive failures)",
        "60006: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
        "60008: HALF_OPEN->CLOSED (3 trial calls succeeded)",
      ]),
    Scenario(
      "10 trials in total (resilience4j): the 11th waits for the verdict", .resilience4j,
      script: "0..99:F" + (0..<10).map { " \(60_100 + $0):+t\($0)" }.joined()
        + " 60110:t0=S 60111:R",
      expected: [
        "99: CLOSED->OPEN (error rate 100% >= 50% over 100 calls)",
        "60100: OPEN->HALF_OPEN (waited 1m1ms; next call is a trial)",
      ]),
    Scenario(
      "unlimited (pybreaker): every caller is admitted", .pybreaker,
      script: "0..4:F 60004:+a 60004:+b 60004:+c 60005:a=S 60006:b=S 60007:c=S",
      expected: [
        "4: CLOSED->OPEN (5 consecutive failures)",
        "60004: OPEN->HALF_OPEN (waited 60s; next call is a trial)",
        "60005: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "unlimited (the lesson's bug): a burst reaches the service", .lesson,
      ["trials=unlimited"],
      script: "0..4:F 30004:+a 30004:+b 30004:+c 30005:a=F 30006:b=S 30007:c=F 60006:R 60007:S",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30005: HALF_OPEN->OPEN (trial call failed)",
        "60007: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "60007: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
  ]

  @Test("HALF_OPEN trial limits", arguments: trialLimits)
  func trialLimit(_ scenario: Scenario) throws {
    try scenario.check()
  }

  // MARK: - Backoff

  static let backoffs: [Scenario] = [
    Scenario(
      "backoff=2, cap 3s: 1s, 2s, 3s, 3s, then 1s again after closing", .pybreaker,
      ["threshold=1", "reset=1s", "backoff=2", "backoff-cap=3s"],
      script: "0:F 1000:F 2999:R 3000:F 5999:R 6000:F 8999:R 9000:S 9001:F 10000:R 10001:S",
      expected: [
        "0: CLOSED->OPEN (1 consecutive failure)",
        "1000: OPEN->HALF_OPEN (waited 1s; next call is a trial)",
        "1000: HALF_OPEN->OPEN (trial call failed)",
        "3000: OPEN->HALF_OPEN (waited 2s; next call is a trial)",
        "3000: HALF_OPEN->OPEN (trial call failed)",
        "6000: OPEN->HALF_OPEN (waited 3s; next call is a trial)",
        "6000: HALF_OPEN->OPEN (trial call failed)",
        "9000: OPEN->HALF_OPEN (waited 3s; next call is a trial)",
        "9000: HALF_OPEN->CLOSED (trial call succeeded)",
        "9001: CLOSED->OPEN (1 consecutive failure)",
        "10001: OPEN->HALF_OPEN (waited 1s; next call is a trial)",
        "10001: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "backoff=1.5 measured from the last failure", .lesson, ["backoff=1.5"],
      script: "0..4:F 30004:F 75003:R 75004:S",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30004: HALF_OPEN->OPEN (trial call failed)",
        "75004: OPEN->HALF_OPEN (waited 45s; next call is a trial)",
        "75004: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "backoff=2 moves the timer too", .opossum, ["backoff=2"],
      script: "0:F 30000:F 89999:> 90000:>",
      expected: [
        "0: CLOSED->OPEN (error rate 100% > 50% over 1 call)",
        "30000: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30000: HALF_OPEN->OPEN (trial call failed)",
        "90000: OPEN->HALF_OPEN (waited 60s; next call is a trial)",
      ]),
  ]

  @Test(
    "Backoff grows the OPEN wait across failed trials and resets on close",
    arguments: backoffs)
  func backoff(_ scenario: Scenario) throws {
    try scenario.check()
  }

  @Test("openWait follows reset x backoff^(openings - 1), capped")
  func openWaitValues() throws {
    let config = try BreakerHarness.configuration(
      .pybreaker, ["threshold=1", "reset=1s", "backoff=3", "backoff-cap=1m"])
    var breaker = CircuitBreaker(config, at: 0)
    var waits: [Milliseconds] = []
    var now: Milliseconds = 0
    for _ in 0..<6 {
      let decision = breaker.acquire(at: now)
      let permit = try #require(decision.admission.permit)
      _ = breaker.record(.failure, for: permit, at: now)
      #expect(breaker.state == .open)
      waits.append(breaker.openWait)
      now = breaker.trialAt
    }
    #expect(waits == [1000, 3000, 9000, 27_000, 60_000, 60_000])
  }

  // MARK: - Ignored outcomes

  static let ignoredOutcomes: [Scenario] = [
    Scenario(
      "neutral: an ignored trial gives its permit back", .lesson,
      script: "0..4:F 30004:+a 30005:R 30006:a=I 30007:S",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30007: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "neutral: a non-trial call gives no permit back", .lesson,
      script: "0:+a 1..5:F 30005:+b 30006:a=I 30007:R 30008:b=S",
      expected: [
        "5: CLOSED->OPEN (5 failures within 60s)",
        "30005: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30008: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "neutral: not a failure while CLOSED", .lesson,
      script: "0..3:F 4:I 5:F",
      expected: ["5: CLOSED->OPEN (5 failures within 60s)"]),
    Scenario(
      "neutral: does not break a run of failures", .pybreaker, ["ignored=neutral"],
      script: "0..3:F 4:I 5:F",
      expected: ["5: CLOSED->OPEN (5 consecutive failures)"]),
    Scenario(
      "neutral: not in the rate's denominator (Hystrix BAD_REQUEST)", .hystrix,
      script: "0..19:F 20..59:I 500:>",
      expected: ["500: CLOSED->OPEN (error rate 100% >= 50% over 20 calls)"]),
    Scenario(
      "ignored=success: closes a half-open breaker", .lesson, ["ignored=success"],
      script: "0..4:F 30004:I",
      expected: [
        "4: CLOSED->OPEN (5 failures within 60s)",
        "30004: OPEN->HALF_OPEN (waited 30s; next call is a trial)",
        "30004: HALF_OPEN->CLOSED (trial call succeeded)",
      ]),
    Scenario(
      "ignored=success: resets a run of failures (pybreaker's exclude)", .pybreaker,
      script: "0..3:F 4:I 5..8:F 9:F",
      expected: ["9: CLOSED->OPEN (5 consecutive failures)"]),
    Scenario(
      "ignored=success: dilutes the rate", .hystrix, ["ignored=success"],
      script: "0..19:F 20..59:I 500:> 1000:>",
      expected: []),
  ]

  @Test("Ignored outcomes, neutral or counted as a success", arguments: ignoredOutcomes)
  func ignored(_ scenario: Scenario) throws {
    try scenario.check()
  }

  @Test("Recording effects say what happened to each outcome")
  func recordingEffects() throws {
    var harness = try BreakerHarness(.lesson)
    harness.run("0:S 1:I 2:F")
    #expect(harness.effects == [.counted, .neutral, .counted])
    var guarded = try BreakerHarness(.gobreaker)
    guarded.run("0:+a 1..6:F 7:a=F")
    #expect(guarded.effects.last == .stale)
  }
}
