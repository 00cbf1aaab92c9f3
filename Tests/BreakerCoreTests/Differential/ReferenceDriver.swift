import BreakerCore

/// Drives the lab's reference ``CircuitBreaker`` with oracle steps, the way the simulation
/// does: due timers first, then the step.
struct ReferenceDriver: BreakerOracle {
  private(set) var breaker: CircuitBreaker
  private var permits: [Int: Permit] = [:]

  init(_ configuration: BreakerConfiguration) {
    breaker = CircuitBreaker(configuration, at: 0)
  }

  mutating func apply(_ step: OracleStep, log: inout OracleLog) -> Bool? {
    let now: Int64
    switch step {
    case .acquire(_, let at), .settle(_, let at, _), .advance(let at): now = at
    }
    while let transition = breaker.advance(to: now) { log.transitions.append(Self.map(transition)) }
    switch step {
    case .acquire(let id, let at):
      let decision = breaker.acquire(at: at)
      if let transition = decision.transition { log.transitions.append(Self.map(transition)) }
      guard let permit = decision.admission.permit else { return false }
      permits[id] = permit
      return true
    case .settle(let id, let at, let outcome):
      guard let permit = permits.removeValue(forKey: id) else { return nil }
      let mapped: Outcome =
        switch outcome {
        case .success: .success
        case .failure: .failure
        case .timeout: .timeout
        }
      if let transition = breaker.record(mapped, for: permit, at: at).transition {
        log.transitions.append(Self.map(transition))
      }
      return nil
    case .advance:
      return nil
    }
  }

  static func map(_ transition: Transition) -> OracleTransition {
    OracleTransition(at: transition.at, from: map(transition.from), to: map(transition.to))
  }

  static func map(_ state: BreakerState) -> OracleState {
    switch state {
    case .closed: .closed
    case .open: .open
    case .halfOpen: .halfOpen
    }
  }
}

/// Generates random step sequences and runs two models side by side.
enum Differential {
  /// How a scenario is shaped.
  struct Shape {
    /// Most calls in flight at once (1 = every call settles before the next starts).
    var concurrency: Int
    /// Typical gaps between steps, in milliseconds; one is picked per gap.
    var gaps: [ClosedRange<Int>]
    var steps: Int
    /// Chance (percent) that a settled call fails, and that it times out.
    var failurePercent: Int
    var timeoutPercent: Int
  }

  /// The first point where the two logs differ, described for a failure message, or `nil`.
  static func firstDivergence<A: BreakerOracle, B: BreakerOracle>(
    reference: inout A, oracle: inout B, shape: Shape, random: inout TestRandom
  ) -> String? {
    var referenceLog = OracleLog()
    var oracleLog = OracleLog()
    var now: Int64 = 0
    var nextID = 0
    var inFlight: [Int] = []
    var history: [String] = []
    for _ in 0..<shape.steps {
      now += Int64(random.int(random.pick(shape.gaps)))
      let step: OracleStep
      let roll = random.int(1...100)
      if !inFlight.isEmpty && (inFlight.count >= shape.concurrency || roll <= 45) {
        let index = random.int(0...(inFlight.count - 1))
        let id = inFlight.remove(at: index)
        let failRoll = random.int(1...100)
        let outcome: OracleOutcome =
          failRoll <= shape.timeoutPercent
          ? .timeout : failRoll <= shape.timeoutPercent + shape.failurePercent ? .failure : .success
        step = .settle(id: id, at: now, outcome: outcome)
      } else if roll <= 90 {
        step = .acquire(id: nextID, at: now)
        nextID += 1
      } else {
        step = .advance(to: now)
      }
      history.append("\(step)")
      let mine = reference.apply(step, log: &referenceLog)
      let theirs = oracle.apply(step, log: &oracleLog)
      if case .acquire(let id, _) = step {
        referenceLog.decisions.append((id, mine ?? false))
        oracleLog.decisions.append((id, theirs ?? false))
        if mine == true && theirs == true { inFlight.append(id) }
      }
      if mine != theirs || referenceLog.transitions != oracleLog.transitions {
        return """
          after \(history.count) steps (last: \(step)):
            reference admitted=\(String(describing: mine)) transitions=\(referenceLog.transitions)
            oracle    admitted=\(String(describing: theirs)) transitions=\(oracleLog.transitions)
            steps: \(history.suffix(12).joined(separator: "; "))
          """
      }
    }
    return nil
  }
}
