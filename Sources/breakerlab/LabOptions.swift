import ArgumentParser
import Diagrams
import LabCommands
import Lessons
import LineEditing

/// Options shared by every way of starting the lab.
struct LabOptions: ParsableArguments {
  @Option(help: "Seed for the world's random generator (flaky services, Poisson loads).")
  var seed: UInt64 = 0

  @Flag(help: "Draw diagrams with plain ASCII instead of Unicode box drawing.")
  var ascii = false

  @Flag(help: "Never colour the output (also when NO_COLOR is set or TERM=dumb).")
  var noColor = false

  @Option(help: "Width of diagrams in columns (default: the terminal's, or 80).")
  var width: Int?

  @Option(help: "The folder of lesson files (default: ./lessons, or the one installed).")
  var lessons: String?

  func validate() throws {
    if let width, !(40...400).contains(width) {
      throw ValidationError("--width must be from 40 to 400 columns; got \(width)")
    }
  }

  /// The drawing style these options ask for, given whether a person is at a terminal.
  func style(interactive: Bool) -> RenderStyle {
    let colorAllowed =
      interactive && !noColor && Terminal.environment("NO_COLOR") == nil
      && Terminal.environment("TERM") != "dumb"
    return RenderStyle(
      width: width ?? Terminal.width ?? 80, unicode: !ascii,
      color: colorAllowed)
  }

  /// The course, from `--lessons` or the default places; problems are returned as notes.
  func loadCourse() -> (course: Course, notes: [String]) {
    let directory = lessons ?? Paths.defaultLessons()
    let (course, problems) = Course.load(directory: directory)
    return (course, problems.map { "note: lesson file skipped: \($0)" })
  }

  /// A fresh lab with these options.
  func makeLab(interactive: Bool) -> Lab {
    var lab = Lab(seed: seed)
    lab.style = style(interactive: interactive)
    return lab
  }
}
