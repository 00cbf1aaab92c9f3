import BreakerCore
import Diagrams
import LabCommands
import Simulation
import Transcripts

/// A learner's session: the lab, plus the course around it.
///
/// Lines starting with `:` are course commands (`:lessons`, `:goto 2.3`, `:check`...); every
/// other line goes to the lab. Commands that change the lesson world are logged, and progress
/// is saved after each of them and after every step, so a learner can quit at any point and
/// resume exactly where they were: the world is rebuilt by replaying the log.
public struct CourseSession: ReplayableSession {
  /// The lesson world.
  public internal(set) var lab: Lab
  public let course: Course
  var progress = Progress()
  /// Where progress is saved; `nil` when it is not (or no longer) saved.
  var store: (any ProgressStore)?
  /// A free sandbox, while one is open: a copy of the lesson world that is thrown away.
  var sandbox: Lab?
  /// The lesson world as the current step's setup left it, and a mark of it.
  var stepStartLab: Lab
  var mark = WorldMark()
  /// The current step, as indices into the course.
  var position: (lesson: Int, step: Int)?
  /// Failed checks of the current exercise (suggest a hint after two).
  var failedChecks = 0
  /// Messages for the learner from start-up (a damaged progress file, a resume).
  public private(set) var notices: [String] = []
  /// Whether the world was rebuilt from saved progress at start-up.
  public private(set) var resumed = false

  /// Creates a session, resuming saved progress from `store` if there is any.
  public init(course: Course, lab: Lab, store: (any ProgressStore)?) {
    self.course = course
    self.lab = lab
    self.store = store
    self.stepStartLab = lab
    progress.seed = lab.world.seed
    do {
      if let saved = try store?.load() { resume(saved) }
    } catch {
      // Whatever could not be read must not be overwritten: a damaged file was already
      // moved aside; an unreadable one stays where it is, and this session saves nothing.
      notices.append("note: \(error.message)")
      if !error.message.contains("kept as") {
        self.store = nil
        notices.append("note: progress will not be saved in this session")
      }
    }
  }

  /// A session for replaying a transcript (replay, demo, lint): a fresh lab with the
  /// transcript's settings and nothing saved, so a long transcript never pays for progress.
  public static func forReplay(
    course: Course, settings: SessionSettings,
    interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> CourseSession {
    CourseSession(
      course: course, lab: Replayer.session(settings, interrupted: interrupted), store: nil)
  }

  /// The prompt: the step id when in a lesson, then the virtual time.
  public var prompt: String {
    let time = "t=" + DurationText.format((sandbox ?? lab).world.now)
    if sandbox != nil { return "\(time) sandbox> " }
    guard let step = currentStep else { return "\(time) lab> " }
    return "[\(step.id)] \(time) lab> "
  }

  /// The current step, if in a lesson.
  public var currentStep: LessonStep? {
    position.map { course.lessons[$0.lesson].steps[$0.step] }
  }

  /// Runs one line: a course command, or a lab command.
  public mutating func run(_ line: String) -> Lab.Reply {
    let trimmed = line.trimmed
    if trimmed.hasPrefix(":") {
      do throws(CommandError) {
        let lines = try meta(trimmed).map { Lab.safeForTranscripts($0, keepEscapes: true) }
        return Lab.Reply(lines: lines, error: nil)
      } catch {
        return Lab.Reply(
          lines: [], error: CommandError(Lab.safeForTranscripts(error.message, keepEscapes: false)))
      }
    }
    if sandbox != nil {
      return sandbox?.run(line) ?? Lab.Reply(lines: [], error: nil)
    }
    var reply = lab.run(line)
    if let error = reply.error, let verb = trimmed.split(separator: " ").first,
      error.message.hasPrefix("unknown command"),
      CourseSession.commands.contains(where: { $0.name == ":" + verb })
    {
      reply.error = CommandError(
        "unknown command '\(verb)'; course commands start with ':': did you mean ':\(verb)'?")
    }
    if lab.lastCommandInterrupted {
      // A command cut short cannot be replayed on resume, so it is undone instead: the
      // lesson world is rebuilt from the log, exactly as a resume would rebuild it.
      lab = CourseSession.rebuild(progress.log, seed: progress.seed, like: lab)
      reply.lines.append("the interrupted command was undone; your lab is as it was before it")
    } else if reply.error == nil, CourseSession.changesWorld(line) {
      log(line, restarting: position == nil)
      save()
    }
    return reply
  }

  public mutating func printed(for line: String) -> [String] { run(line).printed }

  public var clockText: String { (sandbox ?? lab).nowText }

  public mutating func restyle(width: Int?, unicode: Bool?) {
    if let width { lab.style.width = width }
    if let unicode { lab.style.unicode = unicode }
    stepStartLab.style = lab.style
  }

  /// Whether a lab command can change the world (and so belongs in the log).
  static func changesWorld(_ line: String) -> Bool {
    guard let command = try? CommandParser.parse(line) else { return false }
    switch command {
    case .show, .timeline, .window, .stats, .log, .help, .compare, .nothing, .quit: return false
    default: return true
    }
  }

  /// Adds a command to the log. A `reset` empties the world, so when nothing needs the
  /// world before it (outside a lesson, or while a step is being set up) everything before
  /// it is dropped and the log starts again from the current seed: resuming stays quick
  /// however long a learner has played.
  mutating func log(_ command: String, restarting: Bool = false) {
    if restarting, command.split(separator: " ") == ["reset"] {
      progress.seed = lab.world.seed
      progress.stepStart = 0
      progress.log.removeAll()
      return
    }
    progress.log.append(command)
  }

  /// Runs commands in the lesson world and logs them; returns what they printed.
  @discardableResult
  mutating func runLogged(_ commands: [String]) -> [String] {
    var printed: [String] = []
    for command in commands {
      let reply = lab.run(command)
      printed += reply.printed
      if reply.error == nil, CourseSession.changesWorld(command) { log(command) }
    }
    return printed
  }

  /// Saves progress; a failure becomes a notice, never a crash.
  mutating func save() {
    do {
      try store?.save(progress)
    } catch {
      notices.append("note: \(error.message)")
    }
  }

  /// A fresh lab from `seed`, drawn like `template` and stopped by its Ctrl-C, with
  /// `commands` replayed into it.
  static func rebuild(_ commands: some Sequence<String>, seed: UInt64, like template: Lab) -> Lab {
    var rebuilt = Lab(seed: seed)
    rebuilt.style = template.style
    // Replaying must run every command to its end, even while a Ctrl-C is still pending.
    for command in commands { _ = rebuilt.run(command) }
    rebuilt.interrupted = template.interrupted
    return rebuilt
  }

  /// Rebuilds the world from saved progress.
  private mutating func resume(_ saved: Progress) {
    let start = min(saved.stepStart, saved.log.count)
    stepStartLab = CourseSession.rebuild(saved.log[..<start], seed: saved.seed, like: lab)
    mark = WorldMark(stepStartLab.world)
    var rebuilt = stepStartLab
    rebuilt.interrupted = { false }
    for command in saved.log[start...] { _ = rebuilt.run(command) }
    rebuilt.interrupted = lab.interrupted
    lab = rebuilt
    progress = saved
    resumed = !saved.log.isEmpty
    position = saved.current.flatMap { course.position(of: $0) }
    if let step = currentStep {
      notices.append(
        "welcome back: you were at [\(step.id)] \(step.title); your lab is as you left it "
          + "(:step shows the step again, :lessons lists the course)")
    }
  }
}
