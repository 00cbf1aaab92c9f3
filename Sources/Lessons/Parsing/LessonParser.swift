import Transcripts

/// A lesson file that cannot be used: the file, the line and what is wrong, reported the same
/// way as a malformed transcript (`FILE:LINE: message`).
public typealias LessonError = TranscriptError

/// Reads lesson files (see `docs/lesson-format.md`).
public enum LessonParser {
  /// Parses one lesson file.
  /// - Throws: ``LessonError`` for the first problem that makes the file unusable.
  public static func parse(_ text: String, path: String) throws(LessonError) -> Lesson {
    let transcript = try TranscriptParser.parse(text, path: path)
    let lines = transcript.lines
    guard lines.first == "---", let close = lines.dropFirst().firstIndex(of: "---") else {
      throw LessonError(
        path: path, line: 1, message: "missing front matter: start with '---', id, title, summary")
    }
    var fields: [String: String] = [:]
    var fieldLines: [String: Int] = [:]
    for (offset, line) in lines[1..<close].enumerated() {
      let parts = line.split(separator: ":", maxSplits: 1).map { String($0) }
      guard parts.count == 2 else {
        throw LessonError(
          path: path, line: offset + 2, message: "front matter lines are 'key: value'")
      }
      fields[parts[0].trimmed] = parts[1].trimmed
      fieldLines[parts[0].trimmed] = offset + 2
    }
    // A bad value is reported on its own line; a missing key on the closing '---'.
    func line(of key: String) -> Int { fieldLines[key] ?? close + 1 }
    guard let idText = fields["id"], let id = Int(idText), id > 0 else {
      throw LessonError(
        path: path, line: line(of: "id"), message: "front matter needs 'id: N' (N from 1)")
    }
    guard let title = fields["title"], !title.isEmpty else {
      throw LessonError(
        path: path, line: line(of: "title"), message: "front matter needs 'title: ...'")
    }
    guard let summary = fields["summary"], !summary.isEmpty else {
      throw LessonError(
        path: path, line: line(of: "summary"), message: "front matter needs 'summary: ...'")
    }
    var lesson = Lesson(
      id: id, title: title, summary: summary, introduction: [], steps: [],
      path: path, transcript: transcript)
    try readSteps(lines, from: close + 1, into: &lesson)
    return lesson
  }

  private static func readSteps(
    _ lines: [String], from start: Int, into lesson: inout Lesson
  ) throws(LessonError) {
    var index = start
    var fence: String?
    var fenceLine = 0
    var exerciseStart: Int?
    var exerciseBody: [(String, Int)] = []
    while index < lines.count {
      let line = lines[index]
      let number = index + 1
      index += 1
      if let open = fence {
        if TranscriptParser.isClosingFence(line, like: open) {
          fence = nil
          if let start = exerciseStart {
            guard !lesson.steps.isEmpty else {
              throw LessonError(
                path: lesson.path, line: start, message: "an exercise must be inside a '## ' step")
            }
            guard lesson.steps[lesson.steps.count - 1].exercise == nil else {
              throw LessonError(
                path: lesson.path, line: start, message: "a step has at most one exercise")
            }
            lesson.steps[lesson.steps.count - 1].exercise = try ExerciseParser.parse(
              exerciseBody, fenceLine: start, path: lesson.path)
            exerciseStart = nil
            exerciseBody = []
            continue
          }
        } else if exerciseStart != nil {
          exerciseBody.append((line, number))
          continue
        }
        append(line, to: &lesson)
        continue
      }
      if let info = TranscriptParser.fenceInfo(line) {
        fence = info.marker
        fenceLine = number
        if info.info.first == "exercise" {
          exerciseStart = number
          continue
        }
        append(line, to: &lesson)
        continue
      }
      if line.hasPrefix("## ") {
        let id = "\(lesson.id).\(lesson.steps.count + 1)"
        lesson.steps.append(
          LessonStep(
            id: id, title: String(line.dropFirst(3)).trimmed, text: [], demos: [],
            exercise: nil, line: number))
        continue
      }
      if line.hasPrefix("# ") && lesson.steps.isEmpty { continue }
      append(line, to: &lesson)
    }
    if let fence {
      throw LessonError(
        path: lesson.path, line: fenceLine,
        message: "the code block opened here is never closed; add '\(fence)'")
    }
    guard !lesson.steps.isEmpty else {
      throw LessonError(path: lesson.path, line: start + 1, message: "a lesson needs '## ' steps")
    }
    for (position, block) in lesson.transcript.blocks.enumerated() {
      guard let step = lesson.steps.lastIndex(where: { $0.line < block.line }) else {
        throw LessonError(
          path: lesson.path, line: block.line,
          message: "a 'lab' block must be inside a '## ' step (block \(position + 1))")
      }
      lesson.steps[step].demos.append(block)
    }
  }

  private static func append(_ line: String, to lesson: inout Lesson) {
    if lesson.steps.isEmpty {
      lesson.introduction.append(line)
    } else {
      lesson.steps[lesson.steps.count - 1].text.append(line)
    }
  }
}

extension String {
  var trimmed: String {
    var text = Substring(self)
    while text.first == " " || text.first == "\t" { text.removeFirst() }
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return String(text)
  }
}
