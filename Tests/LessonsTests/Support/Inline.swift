import Foundation
import LabCommands
import Lessons
import Transcripts

/// Courses written inline in tests, and sessions over them.
enum Inline {
  /// A course of lesson texts, each parsed as `lessons/0N-inline.md`.
  static func course(_ texts: String...) throws -> Course {
    var lessons: [Lesson] = []
    for (index, text) in texts.enumerated() {
      lessons.append(try LessonParser.parse(text, path: "lessons/0\(index + 1)-inline.md"))
    }
    return Course(lessons: lessons, directory: "lessons")
  }

  /// A session over `course` with a plain ASCII lab, saving into `store`.
  static func session(_ course: Course, store: MemoryProgressStore = MemoryProgressStore())
    -> CourseSession
  {
    CourseSession(course: course, lab: Replayer.session(SessionSettings()), store: store)
  }

  /// A one-lesson course made of `steps` (Markdown from the first `##`), with front matter.
  static func lesson(id: Int = 1, _ steps: String) -> String {
    """
    ---
    id: \(id)
    title: Lesson \(id)
    summary: an inline lesson
    ---

    # Lesson \(id)

    An introduction.

    \(steps)
    """
  }

  /// An exercise step: a `##` heading and an `exercise` block with `body`.
  static func exercise(_ title: String, _ body: String) -> String {
    "## \(title)\n\n```exercise\n\(body)\n```\n"
  }

  /// A drive exercise whose only goal is `goal`, after `setup`.
  static func drive(goal: [String], setup: [String]) -> String {
    exercise(
      "Drive",
      """
      kind: drive
      question: Reach the goal.
      setup:
      \(setup.map { "  " + $0 }.joined(separator: "\n"))
      goal:
      \(goal.map { "  " + $0 }.joined(separator: "\n"))
      solution:
        fail api 3
      hint: one
      wrong: stats => FAIL
      explain: done
      """)
  }
}

extension CourseSession {
  /// Runs lines one after another and returns everything they printed.
  mutating func lines(_ inputs: String...) -> [String] {
    inputs.flatMap { printed(for: $0) }
  }

  /// The verdict line (`PASS [..]` / `FAIL [..]`) among printed lines.
  static func verdict(_ lines: [String]) -> String? {
    lines.first { $0.hasPrefix("PASS [") || $0.hasPrefix("FAIL [") }
  }
}

/// A temporary folder, removed by `cleanUp()`.
struct TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("breakerlab-lessons-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  func path(_ name: String) -> String { url.appendingPathComponent(name).path }

  func contents() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
  }

  func cleanUp() { try? FileManager.default.removeItem(at: url) }
}
