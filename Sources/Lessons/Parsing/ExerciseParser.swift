import Transcripts

/// Reads the body of an `exercise` block: `key: value` lines, values continued on lines
/// indented by two spaces.
enum ExerciseParser {
  /// Keys whose continuation lines are a list (one command or condition per line).
  static let listKeys: Set<String> = [
    "setup", "scenario", "solution", "goal", "profile", "require",
  ]
  /// Every key an exercise may use.
  static let knownKeys: Set<String> = listKeys.union([
    "kind", "question", "hint", "explain", "wrong", "ask", "breaker", "knobs", "choice",
    "correct", "feedback",
  ])

  static func parse(
    _ body: [(String, Int)], fenceLine: Int, path: String
  ) throws(LessonError) -> Exercise {
    var entries: [(key: String, value: [String], line: Int)] = []
    for (text, line) in body {
      if text.trimmed.isEmpty { continue }
      if text.hasPrefix("  ") || text.hasPrefix("\t") {
        guard !entries.isEmpty else {
          throw LessonError(
            path: path, line: line, message: "an indented line needs a key above it")
        }
        entries[entries.count - 1].value.append(text.trimmed)
        continue
      }
      guard let colon = text.firstIndex(of: ":") else {
        throw LessonError(
          path: path, line: line, message: "expected 'key: value' in the exercise; got '\(text)'")
      }
      let key = String(text[..<colon]).trimmed
      guard knownKeys.contains(key) else {
        let hint = closest(key)
        throw LessonError(
          path: path, line: line,
          message: "unknown exercise key '\(key)'\(hint.map { "; did you mean '\($0)'?" } ?? "")")
      }
      let value = String(text[text.index(after: colon)...]).trimmed
      entries.append((key, value.isEmpty ? [] : [value], line))
    }
    guard let kindEntry = entries.first(where: { $0.key == "kind" }) else {
      throw LessonError(path: path, line: fenceLine, message: "an exercise needs 'kind:'")
    }
    guard let kind = Exercise.Kind(rawValue: kindEntry.value.first ?? "") else {
      throw LessonError(
        path: path, line: kindEntry.line,
        message: "unknown kind '\(kindEntry.value.first ?? "")'; kinds: predict, drive, tune, quiz")
    }
    var exercise = Exercise(kind: kind, question: [], line: fenceLine)
    for entry in entries {
      exercise.keyLines[entry.key] = exercise.keyLines[entry.key] ?? entry.line
      let joined = entry.value.joined(separator: " ")
      switch entry.key {
      case "question": exercise.question += entry.value
      case "setup": exercise.setup += entry.value
      case "scenario": exercise.scenario += entry.value
      case "solution": exercise.solution += entry.value
      case "goal": exercise.goal += entry.value
      case "profile": exercise.profile += entry.value
      case "require": exercise.require += entry.value
      case "hint": exercise.hints.append(joined)
      case "explain": exercise.explain += entry.value
      case "ask": exercise.ask = joined
      case "breaker": exercise.breaker = joined
      case "knobs":
        exercise.knobs += joined.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
      case "choice": exercise.choices.append(joined)
      case "correct":
        exercise.correct.formUnion(
          joined.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() })
      case "feedback", "wrong":
        let parts = joined.components(separatedBy: " => ")
        guard parts.count == 2 else {
          throw LessonError(
            path: path, line: entry.line, message: "'\(entry.key)' is written 'X => TEXT'")
        }
        if entry.key == "feedback" {
          exercise.feedback[parts[0].trimmed.lowercased()] = parts[1].trimmed
        } else {
          exercise.wrong.append(
            Exercise.WrongAttempt(
              attempt: parts[0].trimmed, feedback: parts[1].trimmed, line: entry.line))
        }
      default:
        break
      }
    }
    return exercise
  }

  private static func closest(_ key: String) -> String? {
    knownKeys.first { candidate in
      candidate.hasPrefix(key.prefix(3)) && abs(candidate.count - key.count) <= 2
    }
  }
}

extension String {
  /// Splits on a multi-character separator.
  func components(separatedBy separator: String) -> [String] {
    var parts: [String] = []
    var rest = Substring(self)
    while let range = rest.firstRange(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}
