import BreakerCore
import Diagrams
import LabCommands
import Simulation

/// tune: runs the exercise's traffic profile through the reference breaker configured with
/// the learner's values, and checks every requirement on what happened.
enum TuneChecker {
  /// The verdict, with a timeline of the run when it fails.
  static func check(
    _ exercise: Exercise, id: String, answer: String, seed: UInt64, style: RenderStyle
  ) -> CheckResult {
    let unicode = style.unicode
    var settings: [String] = []
    for word in answer.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init) {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2 else {
        return .verdict(
          false, id: id, "write values as KEY=VALUE, e.g. threshold=8", unicode: unicode)
      }
      guard exercise.knobs.contains(parts[0]) else {
        return .verdict(
          false, id: id,
          "'\(parts[0])' is not a knob here; set \(exercise.knobs.joined(separator: ", "))",
          unicode: unicode)
      }
      settings.append(word)
    }
    guard !settings.isEmpty else {
      return .verdict(
        false, id: id, "give values for \(exercise.knobs.joined(separator: ", "))", unicode: unicode
      )
    }
    var lab = Lab(seed: seed)
    lab.style = style
    guard let base = exercise.breaker else {
      return .verdict(false, id: id, "this exercise has no 'breaker:' line", unicode: unicode)
    }
    let create = lab.run("breaker " + base + " " + settings.joined(separator: " "))
    if let error = create.error {
      return .verdict(false, id: id, error.message, unicode: unicode)
    }
    let name = String(base.split(separator: " ").first ?? "")
    for command in exercise.profile {
      if let error = lab.run(command).error {
        return .verdict(
          false, id: id, "profile line '\(command)': \(error.message)", unicode: unicode)
      }
    }
    for text in exercise.require {
      guard let condition = try? Condition.parse(text) else {
        return .verdict(false, id: id, "cannot read the requirement '\(text)'", unicode: unicode)
      }
      let (holds, why) = condition.evaluate(on: lab.world, since: WorldMark())
      if !holds {
        var result = CheckResult.verdict(false, id: id, why, unicode: unicode)
        result.details = lab.run("timeline \(name)").lines
        return result
      }
    }
    return .verdict(
      true, id: id, "\(settings.joined(separator: " ")) meets every requirement", unicode: unicode)
  }
}
