import ArgumentParser
import Lessons
import LineEditing
import Transcripts

/// `breakerlab replay FILE|DIR... [--update]`: transcripts as tests.
struct ReplayTranscripts: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay",
    abstract: "Replay transcripts and compare the lab's output with what they expect.",
    discussion: """
      Each .lab file (or Markdown file with ```lab blocks) is one session. For each \
      mismatch, prints the file and line of the input and a unified diff numbered by the \
      transcript's lines; ends with 'N passed, M failed'. Exit status: 0 all passed, 1 a \
      mismatch, 2 an unreadable or malformed file.
      """)

  @Argument(help: "Transcript files, or folders to search for .lab and .md files.")
  var paths: [String]

  @Flag(help: "Rewrite the output of commands that differ (refused when CI is set).")
  var update = false

  @Option(help: "The folder of lesson files that course commands (':start'...) use.")
  var lessons: String?

  func run() throws {
    if update, Terminal.environment("CI") != nil {
      FileIO.printError("breakerlab: --update is refused when CI is set; run it locally")
      throw ExitCode(2)
    }
    Terminal.installInterruptHandler()
    let course = Course.load(directory: lessons ?? Paths.defaultLessons()).course
    var files: [String] = []
    for path in paths {
      files +=
        FileIO.isDirectory(path)
        ? FileIO.files(under: path, suffixes: [".lab", ".md"]) : [path]
    }
    var passed = 0
    var failed = 0
    var malformed = false
    for file in files {
      let text: String
      switch FileIO.read(file) {
      case .success(let contents): text = contents
      case .failure(let error):
        FileIO.printError("breakerlab: \(error)")
        malformed = true
        failed += 1
        continue
      }
      let transcript: Transcript
      do {
        transcript = try TranscriptParser.parse(text, path: file)
      } catch {
        print("\(error)")
        malformed = true
        failed += 1
        continue
      }
      // A Markdown file with no ```lab block is prose, not a transcript.
      guard !transcript.blocks.isEmpty else { continue }
      let result = Replayer.replay(transcript) { settings in
        CourseSession.forReplay(
          course: course, settings: settings, interrupted: { Terminal.interruptRequested })
      }
      if result.passed {
        passed += 1
        continue
      }
      failed += 1
      var shift = 0
      for failure in result.failures.sorted(by: { $0.step.line < $1.step.line }) {
        for line in DiffReport.lines(for: failure, path: file, shift: shift) { print(line) }
        shift += DiffReportShift.delta(of: failure)
      }
      if update {
        do {
          try FileIO.write(Updater.repaired(result), to: file)
          print("updated \(file)")
        } catch {
          FileIO.printError("breakerlab: \(error)")
          malformed = true
        }
      }
    }
    print("\(passed) passed, \(failed) failed")
    if malformed { throw ExitCode(2) }
    if failed > 0 && !update { throw ExitCode(1) }
  }
}

/// How many lines a repaired step adds or removes, to number later hunks.
enum DiffReportShift {
  static func delta(of failure: Replayer.StepFailure) -> Int {
    var delta = 0
    for operation in failure.alignment {
      switch operation {
      case .insert: delta += 1
      case .delete: delta -= 1
      default: break
      }
    }
    return delta
  }
}
