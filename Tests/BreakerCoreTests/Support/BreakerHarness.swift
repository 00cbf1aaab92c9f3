import BreakerCore
import Testing

/// Drives one ``CircuitBreaker`` the way the simulation does (due timers first, then the step)
/// and keeps a readable log of every transition, so a test can compare whole histories.
///
/// Scripts are words separated by spaces, each `TIME:STEP`:
/// - `S`, `F`, `T`, `I`: a call admitted at TIME that ends at once with success, failure,
///   timeout or an ignored outcome (a rejection is logged as unexpected);
/// - `R`: a call that must be rejected (an admission is logged as unexpected);
/// - `+name`: a call that must be admitted and stays in flight as `name`;
/// - `name=S|F|T|I`: the in-flight call `name` ends with that outcome;
/// - `>`: time moves to TIME and nothing else happens.
///
/// TIME is one instant `t`, or a range `a..b` (the step at every millisecond of it); `NxS`
/// repeats a step N times at the same instant.
struct BreakerHarness {
  private(set) var breaker: CircuitBreaker
  /// Every transition as `TIME: FROM->TO (reason)`, and every unexpected admission decision.
  private(set) var log: [String] = []
  private(set) var effects: [Recording.Effect] = []
  private var inFlight: [String: Permit] = [:]

  init(_ configuration: BreakerConfiguration, at origin: Milliseconds = 0) {
    breaker = CircuitBreaker(configuration, at: origin)
  }

  /// A breaker configured from a preset and `KEY=VALUE` settings, as the lab's `breaker`
  /// command does.
  init(_ preset: Preset, _ settings: [String] = []) throws {
    self.init(try Self.configuration(preset, settings))
  }

  static func configuration(_ preset: Preset, _ settings: [String]) throws
    -> BreakerConfiguration
  {
    let pairs = settings.map { setting -> (key: String, value: String) in
      let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
      return (parts[0], parts.count > 1 ? parts[1] : "")
    }
    return try preset.configuration.applying(pairs)
  }

  /// Runs due timers up to `now`.
  mutating func advance(to now: Milliseconds) {
    while let transition = breaker.advance(to: now) { note(transition) }
  }

  /// Asks to run a call at `now`; returns its permit when admitted.
  mutating func acquire(at now: Milliseconds) -> Permit? {
    advance(to: now)
    let decision = breaker.acquire(at: now)
    if let transition = decision.transition { note(transition) }
    return decision.admission.permit
  }

  /// Reports how an admitted call ended.
  @discardableResult
  mutating func settle(_ outcome: Outcome, _ permit: Permit, at now: Milliseconds) -> Recording {
    advance(to: now)
    let recording = breaker.record(outcome, for: permit, at: now)
    effects.append(recording.effect)
    if let transition = recording.transition { note(transition) }
    return recording
  }

  /// A call that ends at once; `nil` when it was rejected.
  @discardableResult
  mutating func call(_ outcome: Outcome, at now: Milliseconds) -> Recording? {
    guard let permit = acquire(at: now) else { return nil }
    return settle(outcome, permit, at: now)
  }

  /// Runs a script (see the type's documentation) and returns the log.
  @discardableResult
  mutating func run(_ script: String, sourceLocation: SourceLocation = #_sourceLocation)
    -> [String]
  {
    for word in script.split(separator: " ") {
      guard let colon = word.firstIndex(of: ":") else {
        Issue.record("bad script word '\(word)'", sourceLocation: sourceLocation)
        continue
      }
      var step = word[word.index(after: colon)...]
      var repeats = 1
      if let x = step.firstIndex(of: "x"), let count = Int(step[..<x]) {
        repeats = count
        step = step[step.index(after: x)...]
      }
      for time in Self.times(word[..<colon]) {
        for _ in 0..<repeats { perform(String(step), at: time, sourceLocation: sourceLocation) }
      }
    }
    return log
  }

  private static func times(_ text: Substring) -> [Milliseconds] {
    let bounds = text.split(separator: ".", omittingEmptySubsequences: true)
    guard let low = bounds.first.flatMap({ Milliseconds($0) }) else { return [] }
    guard bounds.count == 2, let high = Milliseconds(bounds[1]) else { return [low] }
    return Array(low...high)
  }

  private mutating func perform(
    _ step: String, at time: Milliseconds, sourceLocation: SourceLocation
  ) {
    if let outcome = Self.outcome(step) {
      if call(outcome, at: time) == nil { log.append("\(time): unexpected rejection") }
    } else if step == "R" {
      if let permit = acquire(at: time) {
        log.append("\(time): unexpected admission")
        settle(.success, permit, at: time)
      }
    } else if step == ">" {
      advance(to: time)
    } else if step.hasPrefix("+") {
      guard let permit = acquire(at: time) else {
        log.append("\(time): unexpected rejection")
        return
      }
      inFlight[String(step.dropFirst())] = permit
    } else if let equals = step.firstIndex(of: "="),
      let outcome = Self.outcome(step[step.index(after: equals)...])
    {
      guard let permit = inFlight.removeValue(forKey: String(step[..<equals])) else {
        Issue.record("no call '\(step[..<equals])' in flight", sourceLocation: sourceLocation)
        return
      }
      settle(outcome, permit, at: time)
    } else {
      Issue.record("bad script step '\(step)'", sourceLocation: sourceLocation)
    }
  }

  private static func outcome(_ code: some StringProtocol) -> Outcome? {
    switch code {
    case "S": .success
    case "F": .failure
    case "T": .timeout
    case "I": .ignored
    default: nil
    }
  }

  private mutating func note(_ transition: Transition) {
    log.append(transition.line)
  }
}

extension Transition {
  /// `TIME: FROM->TO (reason)`, the way the tests write expected histories.
  var line: String { "\(at): \(from.label)->\(to.label) (\(reason.text))" }
}

extension CircuitBreaker {
  /// Asks to run a call at `now` and, when admitted, records `outcome` at once.
  /// - Returns: The recording, or `nil` when the call was rejected.
  mutating func callAndRecord(_ outcome: Outcome, at now: Milliseconds) -> Recording? {
    guard let permit = acquire(at: now).admission.permit else { return nil }
    return record(outcome, for: permit, at: now)
  }

  /// Runs `outcome` calls at each time in `times` and returns the transitions as lines.
  mutating func calls(_ outcome: Outcome, at times: some Sequence<Milliseconds>) -> [String] {
    var log: [String] = []
    for time in times {
      guard let recording = callAndRecord(outcome, at: time) else {
        log.append("\(time): unexpected rejection")
        continue
      }
      if let transition = recording.transition { log.append(transition.line) }
    }
    return log
  }
}
