import ArgumentParser
import Lessons

/// `breakerlab lint [DIR]`: checks lesson files.
struct LintLessons: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check lesson files: format, ids, hints, commands, demonstrations, and that "
      + "every exercise starts unsolved, its solution passes and its wrong attempts fail.")

  @Argument(help: "The folder of lesson files.")
  var directory: String = "lessons"

  @Flag(help: "Only the format checks (no replay, no exercise self-tests).")
  var quick = false

  func run() throws {
    let findings = LessonLinter.lint(directory: directory, deep: !quick)
    for finding in findings { print(finding) }
    guard findings.isEmpty else {
      print("\(findings.count) problem\(findings.count == 1 ? "" : "s")")
      throw ExitCode(1)
    }
    print("no problems in \(directory)")
  }
}
