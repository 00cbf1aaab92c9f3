import BreakerCore
import Diagrams
import LabCommands
import Simulation
import Transcripts

extension CourseSession {
  /// `:demo`, `:hint`, `:check`, `:answer`, `:skip`, `:solution`, `:reset`.
  mutating func exerciseCommand(_ verb: String, _ argument: String) throws(CommandError)
    -> [String]
  {
    guard let step = currentStep else {
      throw CommandError("not in a lesson yet; ':start' begins the course")
    }
    if verb == ":demo" {
      let commands = step.demos.filter { !$0.skip }.flatMap(\.steps).map(\.input)
      guard !commands.isEmpty else { throw CommandError("step [\(step.id)] has no demonstration") }
      var lines: [String] = []
      for command in commands {
        lines.append("lab> \(command)".replacingPrompt)
        lines += runLogged([command])
      }
      save()
      return lines
    }
    guard let exercise = step.exercise else {
      throw CommandError("step [\(step.id)] has no exercise; ':next' goes on")
    }
    let id = step.id
    let unicode = lab.style.unicode
    switch verb {
    case ":hint":
      let shown = progress.hints[id] ?? 0
      guard shown < exercise.hints.count else {
        return ["no more hints for [\(id)]; ':skip' runs the reference steps for you"]
      }
      progress.hints[id] = shown + 1
      save()
      return ["hint \(shown + 1)/\(exercise.hints.count) [\(id)]: \(exercise.hints[shown])"]
    case ":check":
      guard exercise.kind == .drive else {
        throw CommandError(
          "[\(id)] is a \(exercise.kind.rawValue) exercise; answer with ':answer ...'")
      }
      return finish(
        ExerciseChecker.drive(exercise, id: id, world: lab.world, mark: mark, unicode: unicode),
        exercise: exercise, id: id)
    case ":answer":
      guard exercise.kind != .drive else {
        throw CommandError("[\(id)] is a drive exercise: change the world, then ':check'")
      }
      guard !argument.isEmpty else { throw CommandError("usage: :answer TEXT") }
      let result: CheckResult
      switch exercise.kind {
      case .predict:
        result = ExerciseChecker.predict(
          exercise, id: id, answer: argument, stepStart: stepStartLab)
      case .tune:
        result = TuneChecker.check(
          exercise, id: id, answer: argument, seed: lab.world.seed, style: lab.style)
      case .quiz, .drive:
        result = ExerciseChecker.quiz(exercise, id: id, answer: argument, unicode: unicode)
      }
      let firstPass = progress.completed[id] == nil
      var lines = finish(result, exercise: exercise, id: id)
      if result.passed, firstPass, exercise.kind == .predict {
        lines += ["what happened:"] + runLogged(exercise.scenario)
        save()
      }
      return lines
    case ":skip":
      guard progress.completed[id] == nil else {
        return ["[\(id)] is already \(progress.completed[id] ?? "done"); ':next' goes on"]
      }
      let ran = exercise.kind == .drive || exercise.kind == .predict
      var lines = [
        "skipped [\(id)]"
          + (ran ? "; the reference steps ran in your lab" : "")
          + "; ':solution' shows the answer"
      ]
      switch exercise.kind {
      case .drive: lines += runLogged(exercise.solution)
      case .predict: lines += runLogged(exercise.scenario)
      case .tune, .quiz: break
      }
      if progress.completed[id] == nil { progress.completed[id] = "skipped" }
      save()
      return lines + ["':next' goes on"]
    case ":solution":
      guard progress.completed[id] != nil else {
        throw CommandError("the solution of [\(id)] opens after you pass or ':skip'")
      }
      return solutionLines(exercise, id: id)
    case ":reset":
      lab = stepStartLab
      progress.log = Array(progress.log.prefix(progress.stepStart))
      save()
      return ["[\(id)] is back where it started: t=\(DurationText.format(lab.world.now))"]
    default:
      return []
    }
  }

  /// Records a check's outcome and words the reply.
  mutating func finish(_ result: CheckResult, exercise: Exercise, id: String) -> [String] {
    if result.passed {
      // A step already skipped stays "skipped": passing on the reference steps is no feat.
      if progress.completed[id] == nil { progress.completed[id] = "passed" }
      save()
      return [result.line] + exercise.explain + ["':next' goes on"]
    }
    var lines = [result.line] + result.details
    guard result.readable, progress.completed[id] == nil else { return lines }
    failedChecks += 1
    if failedChecks >= 2, (progress.hints[id] ?? 0) < exercise.hints.count {
      lines.append("stuck? ':hint' reveals a hint")
    }
    return lines
  }

  func solutionLines(_ exercise: Exercise, id: String) -> [String] {
    var lines = ["solution of [\(id)]:"]
    switch exercise.kind {
    case .predict:
      let fact = ExerciseChecker.expectedFact(exercise, stepStart: stepStartLab)
      lines.append("  \(fact.map(\.sentence) ?? "(cannot be computed)")")
    case .drive:
      lines += exercise.solution.map { "  " + $0 }
    case .tune:
      lines += exercise.solution.map { "  :answer " + $0 }
    case .quiz:
      lines.append("  " + exercise.correct.sorted().joined(separator: ", "))
    }
    return lines + exercise.explain
  }
}

extension String {
  /// Keeps demo echo lines from looking like transcript input.
  var replacingPrompt: String { hasPrefix("lab> ") ? "> " + dropFirst(5) : self }
}
