import BreakerCore
import Diagrams
import LabCommands
import Transcripts

/// Proves an exercise works: it starts unsolved, its reference solution passes, and each
/// known-wrong attempt fails with the feedback the lesson promises.
public enum SelfTest {
  /// One finding about one exercise.
  public struct Finding: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String
    public var description: String { "\(path):\(line): \(message)" }
  }

  /// A session standing at step `id` the way a learner who skipped everything before it
  /// would find it.
  public static func session(at id: String, in course: Course) -> CourseSession? {
    guard let target = course.position(of: id) else { return nil }
    var lab = Lab(seed: 0)
    lab.style = RenderStyle(width: 80, unicode: false, color: false)
    var session = CourseSession(course: course, lab: lab, store: MemoryProgressStore())
    _ = session.run(":goto \(course.lessons[target.lesson].id).1")
    for step in course.lessons[target.lesson].steps.prefix(target.step) {
      if step.exercise != nil { _ = session.run(":skip") }
      _ = session.run(":next")
    }
    return session
  }

  /// Every finding for the exercise at step `id` (none when it is sound).
  public static func check(_ id: String, in course: Course) -> [Finding] {
    guard let position = course.position(of: id), let base = session(at: id, in: course),
      let exercise = course.lessons[position.lesson].steps[position.step].exercise
    else { return [] }
    let path = course.lessons[position.lesson].path
    var findings: [Finding] = []
    func finding(_ line: Int, _ message: String) {
      findings.append(Finding(path: path, line: line, message: "[\(id)] " + message))
    }
    // It starts unsolved.
    var fresh = base
    let opening = fresh.printed(for: startingAttempt(exercise, base: base))
    if passed(opening) {
      finding(exercise.line, "the exercise is already solved before the learner does anything")
    }
    // The reference solution passes.
    var solved = base
    let solution = solve(exercise, in: &solved)
    if !passed(solution) {
      finding(
        exercise.keyLines["solution"] ?? exercise.line,
        "the reference solution does not pass: "
          + (solution.first { isVerdict($0) } ?? "no verdict"))
    }
    // Each known-wrong attempt fails with its feedback.
    for wrong in exercise.wrong {
      var trying = base
      let output = attempt(wrong.attempt, exercise, in: &trying)
      if passed(output) {
        finding(wrong.line, "the wrong attempt '\(wrong.attempt)' passes")
      } else if !output.joined(separator: "\n").replacingOccurrences(of: "[\(id)]")
        .contains(wrong.feedback)
      {
        finding(
          wrong.line,
          "the wrong attempt '\(wrong.attempt)' does not say '\(wrong.feedback)'; it says: "
            + (output.first { isVerdict($0) } ?? output.joined(separator: " / ")))
      }
    }
    return findings
  }

  private static func startingAttempt(_ exercise: Exercise, base: CourseSession) -> String {
    switch exercise.kind {
    case .drive: return ":check"
    case .predict, .quiz: return ":answer -"
    case .tune:
      let words = (exercise.breaker ?? "").split(separator: " ").dropFirst().map(String.init)
      let config =
        (try? BreakerConfiguration().applying(
          words.compactMap { word in
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
          })) ?? BreakerConfiguration()
      let defaults = exercise.knobs.compactMap { key in
        ConfigurationKey.named(key).map { "\(key)=\($0.value(in: config))" }
      }
      return ":answer " + defaults.joined(separator: " ")
    }
  }

  private static func solve(_ exercise: Exercise, in session: inout CourseSession) -> [String] {
    switch exercise.kind {
    case .drive:
      for command in exercise.solution { _ = session.printed(for: command) }
      return session.printed(for: ":check")
    case .predict:
      let fact = ExerciseChecker.expectedFact(exercise, stepStart: session.stepStartLab)
      return session.printed(for: ":answer " + (fact?.value ?? "?"))
    case .tune:
      return session.printed(for: ":answer " + exercise.solution.joined(separator: " "))
    case .quiz:
      return session.printed(for: ":answer " + exercise.correct.sorted().joined(separator: " "))
    }
  }

  private static func attempt(
    _ text: String, _ exercise: Exercise, in session: inout CourseSession
  ) -> [String] {
    guard exercise.kind == .drive else { return session.printed(for: ":answer " + text) }
    for command in text.components(separatedBy: " ; ") where !command.trimmed.isEmpty {
      _ = session.printed(for: command.trimmed)
    }
    return session.printed(for: ":check")
  }

  static func isVerdict(_ line: String) -> Bool {
    line.hasPrefix("PASS [") || line.hasPrefix("FAIL [") || line.hasPrefix("✓ [")
      || line.hasPrefix("✗ [")
  }

  static func passed(_ output: [String]) -> Bool {
    output.contains { $0.hasPrefix("PASS [") || $0.hasPrefix("✓ [") }
  }
}

extension String {
  /// This text without any occurrence of `target` (so a step id cannot pass for feedback).
  fileprivate func replacingOccurrences(of target: String) -> String {
    var result = self
    while let range = result.firstRange(of: target) { result.removeSubrange(range) }
    return result
  }
}
