import FoundationEssentials
import Transcripts

/// The whole course: every lesson, in id order.
public struct Course: Sendable {
  public var lessons: [Lesson]
  /// Where the lessons were read from.
  public var directory: String

  /// Creates a course from parsed lessons (sorted by id).
  public init(lessons: [Lesson], directory: String) {
    self.lessons = lessons.sorted { $0.id < $1.id }
    self.directory = directory
  }

  /// Reads every `*.md` lesson in `directory`.
  /// - Returns: The course, and a problem for each file that could not be used.
  public static func load(directory: String) -> (course: Course, problems: [LessonError]) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    var lessons: [Lesson] = []
    var problems: [LessonError] = []
    for name in names.sorted() where name.hasSuffix(".md") && name.first?.isNumber == true {
      let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
      guard let data = FileManager.default.contents(atPath: path) else {
        problems.append(LessonError(path: path, line: 1, message: "cannot read the file"))
        continue
      }
      do {
        lessons.append(try LessonParser.parse(String(decoding: data, as: UTF8.self), path: path))
      } catch {
        problems.append(error)
      }
    }
    return (Course(lessons: lessons, directory: directory), problems)
  }

  /// The position of a step by id (`2.3`), or of a lesson's first step (`2`).
  public func position(of id: String) -> (lesson: Int, step: Int)? {
    let parts = id.split(separator: ".").map { Int($0) }
    guard let lessonID = parts.first ?? nil,
      let lesson = lessons.firstIndex(where: { $0.id == lessonID })
    else { return nil }
    guard parts.count == 2 else { return parts.count == 1 ? (lesson, 0) : nil }
    guard let number = parts[1], number >= 1, number <= lessons[lesson].steps.count else {
      return nil
    }
    return (lesson, number - 1)
  }

  /// Every exercise id, in course order.
  public var exerciseIDs: [String] {
    lessons.flatMap { $0.steps.filter { $0.exercise != nil }.map(\.id) }
  }
}
