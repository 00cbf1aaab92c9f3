extension CourseSession {
  /// The lines that present a step.
  func render(_ position: (lesson: Int, step: Int)) -> [String] {
    let lesson = course.lessons[position.lesson]
    let step = lesson.steps[position.step]
    var lines: [String] = []
    if position.step == 0 {
      lines.append("== Lesson \(lesson.id): \(lesson.title) ==")
      lines += trimmedBlank(lesson.introduction)
      lines.append("")
    }
    lines.append(
      "[\(step.id)] \(step.title)  (step \(position.step + 1) of \(lesson.steps.count))")
    lines += trimmedBlank(step.text).map(\.replacingPrompt)
    if !step.demos.isEmpty {
      lines.append("(type the commands above, or ':demo' to run them)")
    }
    if let exercise = step.exercise {
      lines.append("")
      lines.append("exercise [\(step.id)] (\(exercise.kind.rawValue)):")
      lines += exercise.question.map { "  " + $0 }
      switch exercise.kind {
      case .predict:
        lines.append("  the commands:")
        lines += exercise.scenario.map { "    " + $0 }
        lines.append("answer with ':answer ...'; ':hint' for a hint, ':skip' to skip")
      case .drive:
        lines.append("reach the goal with lab commands, then ':check'; ':hint', ':skip'")
      case .tune:
        lines.append("  you may set: " + exercise.knobs.joined(separator: ", "))
        lines.append("answer with ':answer KEY=VALUE ...'; ':hint', ':skip'")
      case .quiz:
        lines += exercise.choices.map { "  " + $0 }
        lines.append("answer with ':answer LETTERS' (e.g. ':answer a c'); ':hint', ':skip'")
      }
      if let done = progress.completed[step.id] { lines.append("(you \(done) this one)") }
    } else {
      lines.append("(':next' goes on)")
    }
    return lines
  }

  private func trimmedBlank(_ lines: [String]) -> [String] {
    var result = lines
    while result.first?.trimmed.isEmpty == true { result.removeFirst() }
    while result.last?.trimmed.isEmpty == true { result.removeLast() }
    return result
  }
}
