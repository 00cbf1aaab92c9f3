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
        false, id: id,
        "this exercise cannot be checked: 'ask: \(exercise.ask ?? "")' names no fact of a "
          + "breaker that exists after the scenario", unicode: unicode)
    }
    let given = answer.trimmed
    // Wrong answers say which way to look (too early, too few, not that state) but never
    // give the value away: ':skip' and ':solution' do that.
    switch fact.kind {
    case .state:
      guard let state = AnswerReader.state(given) else {
        return .unreadable(id: id, given, "a state: CLOSED, OPEN or HALF_OPEN", unicode: unicode)
      }
      if state.label == fact.value {
        return .verdict(true, id: id, "right: \(fact.sentence)", unicode: unicode)
      }
      return .verdict(
        false, id: id, "not \(state.label): \(fact.name) is in another state then",
        unicode: unicode)
    case .time:
      guard fact.value != "none" else {
        let right = given.lowercased().contains("none") || given.lowercased().contains("never")
        return .verdict(
          right, id: id, right ? "right: \(fact.sentence)" : "not \(given): look again",
          unicode: unicode)
      }
      guard let time = AnswerReader.time(given), let expected = DurationText.parse(fact.value)
      else {
        return .unreadable(id: id, given, "a time such as 35s or t=1m10s", unicode: unicode)
      }
      if time == expected {
        return .verdict(true, id: id, "right: \(fact.sentence)", unicode: unicode)
      }
      return .verdict(
        false, id: id,
        "not t=\(DurationText.format(time)): that is too \(time < expected ? "early" : "late")",
        unicode: unicode)
    case .count:
      guard let count = AnswerReader.count(given), let expected = Int(fact.value) else {
        return .unreadable(id: id, given, "a whole number such as 3", unicode: unicode)
      }
      if count == expected {
        return .verdict(true, id: id, "right: \(fact.sentence)", unicode: unicode)
      }
      return .verdict(
        false, id: id, "not \(count): that is too \(count < expected ? "few" : "many")",
        unicode: unicode)
    }
  }

  struct Fact {
    enum Kind { case state, time, count }
    var kind: Kind
    var subject: String
    var value: String

    /// The breaker the fact is about (the subject's first word).
    var name: String { String(subject.split(separator: " ").first ?? "") }

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
    let letters = exercise.choices.indices.map { String(UnicodeScalar(UInt8(97 + $0))) }
    let chosen: Set<String>
    switch AnswerReader.choices(answer, letters: letters) {
    case .success(let set) where !set.isEmpty:
      chosen = set
    case .success:
      return .unreadable(id: id, answer, "letters such as 'a c'", unicode: unicode)
    case .failure(let unknown):
      var result = CheckResult.verdict(
        false, id: id,
        "there is no choice '\(unknown.word)'; choose from \(letters.joined(separator: ", "))",
        unicode: unicode)
      result.readable = false
      return result
    }
    if chosen == exercise.correct {
      return .verdict(true, id: id, "right", unicode: unicode)
    }
    var reasons = chosen.subtracting(exercise.correct).sorted().map {
      "\($0): " + (exercise.feedback[$0] ?? "not this one.")
    }
    let missed = exercise.correct.subtracting(chosen).count
    if missed > 0 {
      reasons.append("\(missed) correct choice\(missed == 1 ? " is" : "s are") missing.")
    }
    let sentences = reasons.map { $0.hasSuffix(".") ? $0 : $0 + "." }
    return .verdict(false, id: id, sentences.joined(separator: " "), unicode: unicode)
  }
}
