import BreakerCore
import Diagrams
import LabCommands
import Simulation

/// Checks answers against the reference implementation, or conditions on the learner's world.
enum ExerciseChecker {
  /// predict: runs the scenario on a copy of the world as the step left it, reads the fact,
  /// and compares it with the learner's answer.
  static func predict(
    _ exercise: Exercise, id: String, answer: String, stepStart: Lab
  ) -> CheckResult {
    let unicode = stepStart.style.unicode
    guard let fact = expectedFact(exercise, stepStart: stepStart) else {
      return .verdict(
        false, id: id, "this exercise cannot be checked (see 'lint')", unicode: unicode)
    }
    let given = answer.trimmed
    let right: Bool
    switch fact.kind {
    case .state: right = Condition.stateNamed(given) == Condition.stateNamed(fact.value)
    case .time:
      let text = given.hasPrefix("t=") ? String(given.dropFirst(2)) : given
      right =
        DurationText.parse(text).map(DurationText.format) == fact.value
        || given.lowercased() == fact.value
    case .count: right = Int(given) == Int(fact.value)
    }
    if right {
      return .verdict(true, id: id, "right: \(fact.sentence)", unicode: unicode)
    }
    return .verdict(
      false, id: id, "you said \(given.isEmpty ? "nothing" : given); \(fact.sentence)",
      unicode: unicode)
  }

  struct Fact {
    enum Kind { case state, time, count }
    var kind: Kind
    var subject: String
    var value: String

    /// The fact as a sentence: `payments is OPEN`, `payments allows a trial at t=35s`.
    var sentence: String { subject.hasSuffix("=") ? subject + value : subject + " " + value }
  }

  /// The fact a predict exercise asks about, computed on the reference.
  static func expectedFact(_ exercise: Exercise, stepStart: Lab) -> Fact? {
    guard let ask = exercise.ask else { return nil }
    let words = ask.split(separator: " ").map(String.init)
    guard words.count == 2 else { return nil }
    var lab = stepStart
    let before = lab.world.slot(named: words[1])
    for command in exercise.scenario { _ = lab.run(command) }
    guard let slot = lab.world.slot(named: words[1]) else { return nil }
    let name = words[1]
    switch words[0] {
    case "state":
      return Fact(kind: .state, subject: "\(name) is", value: slot.breaker.state.label)
    case "trial-at":
      guard slot.breaker.state == .open else {
        return Fact(kind: .time, subject: "\(name) allows a trial at", value: "none")
      }
      return Fact(
        kind: .time, subject: "\(name) allows a trial at t=",
        value: DurationText.format(slot.breaker.firstTrialAt))
    case "rejections":
      let count = slot.stats.rejections - (before?.stats.rejections ?? 0)
      return Fact(kind: .count, subject: "\(name) failed fast this many times:", value: "\(count)")
    case "opened-at":
      let already = (before?.transitions.count ?? 0) + (before?.droppedTransitions ?? 0)
      let new = slot.transitions.count + slot.droppedTransitions - already
      guard let opening = slot.transitions.suffix(max(0, new)).last(where: { $0.to == .open })
      else { return Fact(kind: .time, subject: "\(name) opened at", value: "none") }
      return Fact(
        kind: .time, subject: "\(name) opened at t=", value: DurationText.format(opening.at))
    default:
      return nil
    }
  }

  /// drive: every goal condition must hold on the learner's world.
  static func drive(
    _ exercise: Exercise, id: String, world: World, mark: WorldMark, unicode: Bool
  ) -> CheckResult {
    for text in exercise.goal {
      guard let condition = try? Condition.parse(text) else {
        return .verdict(false, id: id, "cannot read the goal '\(text)'", unicode: unicode)
      }
      let (holds, why) = condition.evaluate(on: world, since: mark)
      if !holds { return .verdict(false, id: id, why, unicode: unicode) }
    }
    return .verdict(
      true, id: id, "goal reached: " + exercise.goal.joined(separator: "; "),
      unicode: unicode)
  }

  /// quiz: the chosen letters must be exactly the correct ones.
  static func quiz(_ exercise: Exercise, id: String, answer: String, unicode: Bool)
    -> CheckResult
  {
    let chosen = Set(
      answer.lowercased().split(whereSeparator: { $0 == "," || $0 == " " }).map {
        String($0.prefix(while: { $0.isLetter }))
      }.filter { !$0.isEmpty })
    let letters = exercise.choices.indices.map { String(UnicodeScalar(UInt8(97 + $0))) }
    if let unknown = chosen.first(where: { !letters.contains($0) }) {
      return .verdict(
        false, id: id,
        "there is no choice '\(unknown)'; choose from \(letters.joined(separator: ", "))",
        unicode: unicode)
    }
    if chosen == exercise.correct {
      return .verdict(true, id: id, "right", unicode: unicode)
    }
    var reasons = chosen.subtracting(exercise.correct).sorted().map {
      "\($0): " + (exercise.feedback[$0] ?? "not this one")
    }
    let missed = exercise.correct.subtracting(chosen).count
    if missed > 0 { reasons.append("\(missed) correct choice\(missed == 1 ? "" : "s") missing") }
    return .verdict(false, id: id, reasons.joined(separator: "; "), unicode: unicode)
  }
}
