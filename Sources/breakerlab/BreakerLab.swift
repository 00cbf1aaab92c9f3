import ArgumentParser
import Diagrams
import Interactive
import LabCommands
import Lessons
import LineEditing
import Simulation
import Transcripts

/// The `breakerlab` command: the interactive lab, and tools around it.
@main
struct BreakerLab: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "breakerlab",
    abstract: "Learn the circuit breaker pattern by using one.",
    discussion: """
      With no subcommand, starts the lab: a line-editing prompt when standard input and \
      output are a terminal, otherwise plain line reading (so `breakerlab < script` works). \
      Type 'help' in the lab for its commands, ':help' for the course's.

      Options of the lab (see 'breakerlab lab --help'): --seed N, --ascii, --no-color, \
      --width N, --record FILE, --lessons DIR, --progress FILE.
      """,
    version: "0.1.0",
    subcommands: [
      StartLab.self, RunScripts.self, ReplayTranscripts.self, DemoTranscript.self,
      LintLessons.self,
    ],
    defaultSubcommand: StartLab.self)
}

/// `breakerlab [lab]`: the interactive lab.
struct StartLab: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lab", abstract: "Start the interactive lab (the default).")

  @OptionGroup var options: LabOptions

  @Option(help: "Record the session as a transcript file that replays with 'replay'.")
  var record: String?

  @Option(help: "Where course progress is kept (default: the XDG state folder, when interactive).")
  var progress: String?

  func run() throws {
    let interactive = Terminal.isInteractive
    var lab = options.makeLab(interactive: interactive)
    lab.interrupted = { Terminal.interruptRequested }
    let style = lab.style
    let (course, notes) = options.loadCourse()
    // A recording must replay from an empty world, so it neither resumes nor saves progress.
    let progressPath = record != nil ? nil : progress ?? (interactive ? Paths.progressFile() : nil)
    let store: (any ProgressStore)? = progressPath.map { FileProgressStore(path: $0) }
    var repl = REPL(session: CourseSession(course: course, lab: lab, store: store))
    Terminal.installInterruptHandler()
    let recorder = Recorder(
      settings: SessionSettings(seed: options.seed, width: style.width, unicode: style.unicode))
    if let record {
      let started = recorder.start(record, session: [])
      if started.first?.hasPrefix("error") == true {
        FileIO.printError("breakerlab: cannot record: \(started[0].dropFirst(7))")
        throw ExitCode(2)
      }
    }
    let resumed = repl.session.resumed
    repl.onRecord = { arguments, exchanges in
      guard !resumed || arguments == ["stop"] || arguments.isEmpty else {
        return [
          "error: this session resumed saved progress, so a recording would not replay from "
            + "t=0; record with 'breakerlab --record FILE', which starts a fresh session"
        ]
      }
      return recorder.command(arguments, session: exchanges)
    }
    repl.onExchange = { recorder.record($0, $1) }
    let errors: Int
    for note in notes + repl.session.notices { print(note) }
    if record != nil {
      print("note: recording a fresh session; course progress is neither loaded nor saved")
    }
    if interactive {
      print("Breaker Lab: type 'help' for commands, Tab to complete, Ctrl-D to leave.")
      if repl.session.currentStep == nil, !course.lessons.isEmpty {
        print("The course: ':lessons' lists the lessons, ':start' begins the first one.")
      }
      let completion = Completion(
        lister: Directory.list, extraCommands: CourseSession.commands.map(\.name),
        places: course.lessons.flatMap { lesson in ["\(lesson.id)"] + lesson.steps.map(\.id) })
      let names = NameBox()
      names.breakers = repl.session.lab.world.slots.map(\.name)
      names.services = repl.session.lab.world.services.map(\.name)
      let reader = EditLineReader(
        program: "breakerlab", historyPath: Paths.historyFile(create: true),
        completer: {
          completion.candidates(for: $0, breakers: names.breakers, services: names.services)
        })
      var editing = reader
      errors = repl.run(
        reader: &editing, write: { print($0) }, beforeEach: { Terminal.clearInterrupt() },
        afterEach: { lab in
          names.breakers = lab.world.slots.map(\.name)
          names.services = lab.world.services.map(\.name)
        })
    } else {
      var reader = PlainLineReader()
      errors = repl.run(
        reader: &reader, write: { print($0) }, beforeEach: { Terminal.clearInterrupt() })
    }
    if !interactive && errors > 0 { throw ExitCode(1) }
  }
}

/// Lets the completion closure see the names that exist after each command.
final class NameBox {
  var breakers: [String] = []
  var services: [String] = []
}
