import Foundation
import Lessons
import Testing

/// The real course in `lessons/`: every exercise proves itself (it starts unsolved, its
/// reference solution passes, each known-wrong attempt gets its feedback), and the format
/// checks find nothing.
@Suite("The course in lessons/")
struct RealCourseTests {
  /// The `lessons/` folder of this package.
  static let directory: String = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
      {
        return folder.appendingPathComponent("lessons").path
      }
      folder = folder.deletingLastPathComponent()
    }
    return "lessons"
  }()

  static let loaded = Course.load(directory: directory)

  @Test("every lesson file loads")
  func loads() {
    let problems = Self.loaded.problems.map(\.description)
    #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
  }

  @Test("the exercise self-tests pass", arguments: loaded.course.exerciseIDs)
  func selfTest(_ id: String) {
    let findings = SelfTest.check(id, in: Self.loaded.course)
    #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
  }

  @Test("the lint finds nothing (format checks)")
  func lint() {
    let findings = LessonLinter.lint(directory: Self.directory, deep: false)
      .filter { !$0.hasSuffix("no lesson files (NN-name.md) found") }
    #expect(findings.isEmpty, "\(findings.joined(separator: "\n"))")
  }
}
