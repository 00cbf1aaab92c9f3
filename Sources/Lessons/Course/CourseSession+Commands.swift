import BreakerCore
import LabCommands
import Simulation

extension CourseSession {
  /// The course commands, with a one-line summary each (for `:help` and completion).
  public static let commands: [(name: String, usage: String, summary: String)] = [
    (":lessons", ":lessons", "list the lessons and what you finished"),
    (":start", ":start [N]", "start lesson N (or go on where you are)"),
    (":goto", ":goto ID", "jump to a lesson (2) or a step (2.3)"),
    (":next", ":next", "the next step"),
    (":back", ":back", "the previous step"),
    (":step", ":step", "show the current step again"),
    (":demo", ":demo", "run this step's demonstration commands in your lab"),
    (":hint", ":hint", "reveal the next hint of the exercise"),
    (":check", ":check", "check a drive exercise on your world"),
    (":answer", ":answer TEXT", "answer a predict, tune or quiz exercise"),
    (":skip", ":skip", "skip the exercise; the reference steps run so later steps work"),
    (":solution", ":solution", "show the solution (after a pass or a skip)"),
    (":reset", ":reset", "put your world back as the exercise started"),
    (":sandbox", ":sandbox", "play freely in a copy of your world (nothing is kept)"),
    (":resume", ":resume", "leave the sandbox and return to the lesson"),
    (":progress", ":progress", "what you finished, and hints used"),
    (":forget", ":forget N", "forget your progress in lesson N"),
    (":help", ":help", "this list"),
  ]

  /// Runs a course command.
  mutating func meta(_ line: String) throws(CommandError) -> [String] {
    let words = line.split(separator: " ").map(String.init)
    let verb = words[0]
    let rest = Array(words.dropFirst())
    if sandbox != nil,
      ![":resume", ":help", ":hint", ":step", ":progress", ":lessons"].contains(verb)
    {
      throw CommandError("you are in the sandbox; ':resume' returns to the lesson first")
    }
    guard !course.lessons.isEmpty || verb == ":help" else {
      throw CommandError(
        "no lessons found in '\(course.directory)'; start the lab from the project folder "
          + "or pass --lessons DIR")
    }
    switch verb {
    case ":help":
      return ["course commands (lab commands work as usual):"]
        + CourseSession.commands.map { "  " + $0.usage.padded(to: 14) + $0.summary }
    case ":lessons": return lessonList()
    case ":start":
      guard rest.count <= 1 else { throw usage(":start") }
      if let number = rest.first {
        guard let found = course.position(of: number), !number.contains(".") else {
          throw CommandError("no lesson '\(number)'; ':lessons' lists them")
        }
        return enter(found.lesson, 0)
      }
      if let position { return enter(position.lesson, position.step) }
      return enter(firstUnfinished().lesson, firstUnfinished().step)
    case ":goto":
      guard rest.count == 1 else { throw usage(":goto") }
      guard let found = course.position(of: rest[0]) else {
        throw CommandError(
          "no lesson or step '\(rest[0])'; write a lesson (2) or a step (2.3); ':lessons' lists them"
        )
      }
      return enter(found.lesson, found.step)
    case ":next", ":back":
      guard let position else { throw CommandError("not in a lesson yet; ':start' begins") }
      return try move(from: position, forward: verb == ":next")
    case ":step":
      guard let position else { throw CommandError("not in a lesson yet; ':start' begins") }
      return render(position)
    case ":sandbox":
      sandbox = lab
      return ["sandbox: a copy of your world; try anything, nothing is kept. ':resume' returns"]
    case ":resume":
      guard sandbox != nil else { throw CommandError("you are not in the sandbox") }
      sandbox = nil
      return ["back to the lesson; your world is as you left it"]
    case ":progress": return progressLines()
    case ":forget":
      guard rest.count == 1, let id = Int(rest[0]),
        let lesson = course.lessons.first(where: { $0.id == id })
      else { throw usage(":forget") }
      let prefix = "\(lesson.id)."
      progress.completed = progress.completed.filter { !$0.key.hasPrefix(prefix) }
      progress.hints = progress.hints.filter { !$0.key.hasPrefix(prefix) }
      save()
      return ["forgot your progress in lesson \(lesson.id) (\(lesson.title))"]
    case ":demo", ":hint", ":check", ":answer", ":skip", ":solution", ":reset":
      return try exerciseCommand(verb, rest.joined(separator: " "))
    default:
      let names = CourseSession.commands.map(\.name)
      let hint = Suggestion.hint(for: verb, in: names, otherwise: "':help' lists them")
      throw CommandError("unknown course command '\(verb)'\(hint)")
    }
  }

  func usage(_ name: String) -> CommandError {
    let usage = CourseSession.commands.first { $0.name == name }?.usage ?? name
    return CommandError("usage: \(usage)")
  }

  /// The first step of the first lesson with an unfinished exercise.
  func firstUnfinished() -> (lesson: Int, step: Int) {
    for (lessonIndex, lesson) in course.lessons.enumerated() {
      for (stepIndex, step) in lesson.steps.enumerated()
      where step.exercise != nil && progress.completed[step.id] == nil {
        _ = stepIndex
        return (lessonIndex, 0)
      }
    }
    return (0, 0)
  }

  mutating func move(from position: (lesson: Int, step: Int), forward: Bool) throws(CommandError)
    -> [String]
  {
    var (lesson, step) = position
    if forward {
      step += 1
      if step == course.lessons[lesson].steps.count {
        guard lesson + 1 < course.lessons.count else {
          return ["that was the last step of the course. Well done! ':progress' shows your work"]
        }
        lesson += 1
        step = 0
      }
    } else {
      step -= 1
      if step < 0 {
        guard lesson > 0 else { throw CommandError("this is the first step of the course") }
        lesson -= 1
        step = course.lessons[lesson].steps.count - 1
      }
    }
    return enter(lesson, step)
  }

  /// Moves to a step: runs its setup, marks the world, saves, and shows it.
  mutating func enter(_ lesson: Int, _ step: Int) -> [String] {
    position = (lesson, step)
    let current = course.lessons[lesson].steps[step]
    progress.current = current.id
    var problems: [String] = []
    if let setup = current.exercise?.setup {
      for command in setup {
        let reply = lab.run(command)
        if let error = reply.error {
          problems.append("setup problem in [\(current.id)] '\(command)': \(error.message)")
        } else if CourseSession.changesWorld(command) {
          log(command, restarting: true)
        }
      }
    }
    progress.stepStart = progress.log.count
    stepStartLab = lab
    mark = WorldMark(lab.world)
    failedChecks = 0
    save()
    return render((lesson, step)) + problems
  }

  func lessonList() -> [String] {
    var lines = ["lessons (':start N' or ':goto N.M'):"]
    for lesson in course.lessons {
      let ids = lesson.steps.filter { $0.exercise != nil }.map(\.id)
      let done = ids.filter { progress.completed[$0] != nil }.count
      let here = position.map { course.lessons[$0.lesson].id == lesson.id } ?? false
      lines.append(
        "\(here ? ">" : " ") \(lesson.id). \(lesson.title.padded(to: 36)) "
          + "\(done)/\(ids.count) exercises")
    }
    return lines
  }

  func progressLines() -> [String] {
    var lines: [String] = []
    for lesson in course.lessons {
      let marks = lesson.steps.filter { $0.exercise != nil }.map { step in
        let state = progress.completed[step.id]
        let symbol = state == "passed" ? "done" : state == "skipped" ? "skipped" : "todo"
        let hints = progress.hints[step.id].map { ", \($0) hint\($0 == 1 ? "" : "s")" } ?? ""
        return "[\(step.id)] \(symbol)\(hints)"
      }
      lines.append("\(lesson.id). \(lesson.title): " + marks.joined(separator: "  "))
    }
    let ids = course.exerciseIDs
    let done = ids.filter { progress.completed[$0] != nil }.count
    lines.append("\(done) of \(ids.count) exercises finished")
    return lines
  }
}

extension String {
  func padded(to width: Int) -> String {
    count >= width ? self + " " : self + String(repeating: " ", count: width - count)
  }
}
