import BreakerCore
import LabCommands
import Transcripts

/// Checks lesson files for every problem an author can make, each with its file and line.
public enum LessonLinter {
  /// Every problem in the course in `directory`, sorted by file and line.
  /// - Parameter deep: Also replay demonstrations and self-test every exercise.
  public static func lint(directory: String, deep: Bool = true) -> [String] {
    let (course, problems) = Course.load(directory: directory)
    var findings = problems.map { ($0.path, $0.line, $0.message) }
    if course.lessons.isEmpty && problems.isEmpty {
      findings.append((directory, 0, "no lesson files (NN-name.md) found"))
    }
    var seen: [Int: String] = [:]
    for lesson in course.lessons {
      if let other = seen[lesson.id] {
        findings.append((lesson.path, 2, "lesson id \(lesson.id) is also used by \(other)"))
      }
      seen[lesson.id] = lesson.path
      for step in lesson.steps {
        if let exercise = step.exercise {
          findings += check(exercise, step: step, path: lesson.path)
        }
      }
    }
    // The deeper checks run on every lesson that could be read, so one run reports every
    // problem, not just the first kind found.
    if deep {
      for lesson in course.lessons {
        let result = Replayer.replay(lesson.transcript) { settings in
          CourseSession.forReplay(course: course, settings: settings)
        }
        for failure in result.failures {
          findings.append(
            (
              lesson.path, failure.step.line,
              "the demonstration's output differs "
                + "(run 'breakerlab replay \(lesson.path)' for the diff)"
            ))
        }
      }
      for id in course.exerciseIDs {
        findings += SelfTest.check(id, in: course).map { ($0.path, $0.line, $0.message) }
      }
    }
    return findings.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { "\($0.0):\($0.1): \($0.2)" }
  }

  /// The static checks of one exercise.
  static func check(_ exercise: Exercise, step: LessonStep, path: String)
    -> [(String, Int, String)]
  {
    var findings: [(String, Int, String)] = []
    let id = step.id
    func add(_ key: String, _ message: String) {
      findings.append((path, exercise.keyLines[key] ?? exercise.line, "[\(id)] \(message)"))
    }
    if exercise.question.isEmpty { add("question", "needs a 'question:'") }
    if exercise.hints.isEmpty { add("hint", "needs at least one 'hint:'") }
    if exercise.explain.isEmpty { add("explain", "needs an 'explain:' shown after a pass") }
    for (key, commands) in [
      ("setup", exercise.setup), ("scenario", exercise.scenario), ("profile", exercise.profile),
    ] + (exercise.kind == .drive ? [("solution", exercise.solution)] : []) {
      for (offset, command) in commands.enumerated() {
        do {
          _ = try CommandParser.parse(command)
        } catch {
          findings.append(
            (
              path, (exercise.keyLines[key] ?? exercise.line) + offset + 1,
              "[\(id)] '\(command)': \(error.message)"
            ))
        }
      }
    }
    switch exercise.kind {
    case .predict:
      if exercise.scenario.isEmpty { add("scenario", "a predict exercise needs a 'scenario:'") }
      let words = exercise.ask?.split(separator: " ") ?? []
      if words.count != 2 || !["state", "trial-at", "rejections", "opened-at"].contains(words[0]) {
        add(
          "ask",
          "'ask:' must be 'state NAME', 'trial-at NAME', 'rejections NAME' or 'opened-at NAME'")
      }
    case .drive:
      if exercise.goal.isEmpty { add("goal", "a drive exercise needs a 'goal:'") }
      if exercise.solution.isEmpty { add("solution", "a drive exercise needs a 'solution:'") }
      for text in exercise.goal where (try? Condition.parse(text)) == nil {
        add("goal", "cannot read the condition '\(text)' (see docs/lesson-format.md)")
      }
    case .tune:
      if exercise.breaker == nil { add("breaker", "a tune exercise needs 'breaker: NAME ...'") }
      if exercise.knobs.isEmpty { add("knobs", "a tune exercise needs 'knobs:'") }
      for knob in exercise.knobs where ConfigurationKey.named(knob) == nil {
        add("knobs", "'\(knob)' is not a breaker key")
      }
      if exercise.profile.isEmpty { add("profile", "a tune exercise needs a 'profile:'") }
      if exercise.require.isEmpty { add("require", "a tune exercise needs 'require:'") }
      for text in exercise.require where (try? Condition.parse(text)) == nil {
        add("require", "cannot read the requirement '\(text)' (see docs/lesson-format.md)")
      }
      if exercise.solution.isEmpty { add("solution", "a tune exercise needs 'solution:' values") }
    case .quiz:
      if exercise.choices.count < 2 { add("choice", "a quiz needs at least two 'choice:' lines") }
      let letters = exercise.choices.indices.map { String(UnicodeScalar(UInt8(97 + $0))) }
      if exercise.correct.isEmpty || !exercise.correct.isSubset(of: Set(letters)) {
        add(
          "correct",
          "'correct:' must list letters of the choices (\(letters.joined(separator: ", ")))")
      }
      for letter in letters
      where !exercise.correct.contains(letter) && exercise.feedback[letter] == nil {
        add("feedback", "wrong choice '\(letter)' needs 'feedback: \(letter) => ...'")
      }
    }
    if exercise.wrong.isEmpty {
      add("wrong", "list at least one known-wrong attempt ('wrong: X => feedback')")
    }
    return findings
  }
}
