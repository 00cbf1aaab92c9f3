import BreakerCore
import Diagrams
import Simulation

/// A lab session: a world plus everything needed to run commands against it and report.
///
/// The same type serves every front end (REPL, `run` scripts, transcript replay, lesson
/// checks): it takes a line, returns the lines to show, and never does I/O itself. A command
/// that fails changes nothing.
///
/// ```swift
/// var lab = Lab(seed: 0)
/// lab.run("breaker payments").lines   // ["breaker payments created: opens at 5 ..."]
/// ```
public struct Lab {
  /// The simulated world.
  public internal(set) var world: World
  /// Receives every event as a JSON line, when set.
  public var trace: (any TraceSink)?
  /// Polled during long work; returning `true` stops it (Ctrl-C).
  public var interrupted: @Sendable () -> Bool = { false }
  /// How diagrams are drawn.
  public var style: RenderStyle = .plain
  /// Recent calls per breaker, for timelines.
  var activity = ActivityLog()
  /// Transitions made by the last command that changed the world, per breaker.
  var justTaken: [String: Transition] = [:]
  /// Whether the last command that changed the world was cut short by Ctrl-C.
  public private(set) var lastCommandInterrupted = false

  /// Creates a lab with an empty world.
  public init(seed: UInt64 = 0) {
    world = World(seed: seed)
  }

  /// What running one line produced.
  public struct Reply: Sendable, Equatable {
    /// Lines to show, in order.
    public var lines: [String]
    /// The diagnostic, when the line was refused (the world is then unchanged).
    public var error: CommandError?
    /// Whether the session should end.
    public var quit = false

    /// Creates a reply.
    public init(lines: [String], error: CommandError?, quit: Bool = false) {
      self.lines = lines
      self.error = error
      self.quit = quit
    }

    /// Every line as the lab prints it: the output, then `error: …` for a refused line.
    public var printed: [String] {
      lines + (error.map { ["error: \($0.message)"] } ?? [])
    }
  }

  /// Parses and runs one line.
  public mutating func run(_ line: String) -> Reply {
    lastCommandInterrupted = false
    do {
      let command = try CommandParser.parse(line)
      if command == .quit { return Reply(lines: [], error: nil, quit: true) }
      let lines = try execute(command).map { Lab.safeForTranscripts($0, keepEscapes: true) }
      return Reply(lines: lines, error: nil)
    } catch {
      return Reply(
        lines: [], error: CommandError(Lab.safeForTranscripts(error.message, keepEscapes: false)))
    }
  }

  /// Keeps the output contract of transcripts: no line starts with the input token
  /// `lab> `, none is `...` alone, and none holds `{{` (all three have a meaning there).
  /// Control characters echoed from input become `?`, so a diagnosis stays one line; the
  /// lab's own colour escapes are kept when `keepEscapes` is set (transcripts strip them).
  public static func safeForTranscripts(_ line: String, keepEscapes: Bool) -> String {
    // Fast path: nothing to change unless the line has a brace, a control character, or
    // starts like an input or a wildcard.
    let bytes = line.utf8
    guard
      bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "{") })
        || bytes.first == UInt8(ascii: "l") || bytes.first == UInt8(ascii: ".")
    else { return line }
    var line = line
    let isControl: (Unicode.Scalar) -> Bool = {
      ($0.value < 0x20 && $0 != "\t" && !(keepEscapes && $0 == "\u{1B}")) || $0.value == 0x7F
    }
    if line.unicodeScalars.contains(where: isControl) {
      line = String(String.UnicodeScalarView(line.unicodeScalars.map { isControl($0) ? "?" : $0 }))
    }
    if line.contains("{{") { line = line.replacingAll("{{", with: "{ {") }
    if line.hasPrefix("lab> ") || line == "..." { line = " " + line }
    return line
  }

  /// Runs a parsed command.
  /// - Throws: ``CommandError`` when the world refuses it; nothing has changed then.
  public mutating func execute(_ command: Command) throws(CommandError) -> [String] {
    switch command {
    case .nothing, .quit:
      return []
    case .show(let names):
      return try show(names)
    case .timeline(let names):
      return try timeline(names)
    case .window(let name):
      return try window(name)
    case .stats(let name):
      return try stats(name)
    case .log(let name):
      return try log(name)
    case .help(let topic):
      return try Help.lines(for: topic)
    case .compare(let presets, let settings):
      return try compare(presets, settings: settings)
    case .seed(let seed):
      world.reseed(seed)
      return ["seed \(seed): random choices restart from this seed"]
    case .reset:
      let seed = world.seed
      world = World(seed: seed)
      activity.removeAll()
      justTaken.removeAll()
      return ["reset: an empty world at t=0ms (seed \(seed))"]
    default:
      return try simulate(command)
    }
  }

  /// Runs a command that changes the world, narrating what happens.
  private mutating func simulate(_ command: Command) throws(CommandError) -> [String] {
    var narrator = Narrator(trace: trace, stop: interrupted)
    swap(&narrator.activity, &activity)
    defer { swap(&narrator.activity, &activity) }
    do {
      let lines = try simulate(command, narrator: &narrator)
      // Only a command that ran changes what "just now" means; a refused one changed nothing.
      justTaken = narrator.transitionsSeen
      lastCommandInterrupted = narrator.stopped
      return lines
    } catch {
      throw CommandError(error.message)
    }
  }

  private mutating func simulate(
    _ command: Command, narrator: inout Narrator
  ) throws(WorldError) -> [String] {
    switch command {
    case .breaker(let name, let settings):
      if settings.isEmpty, let slot = world.slot(named: name) {
        // A bare `breaker NAME` on an existing breaker shows it rather than resetting it.
        return Describe.wrap(
          "breaker \(name) (\(slot.breaker.state.label)): "
            + Describe.configuration(slot.breaker.configuration),
          width: style.width)
      }
      let change = try world.configureBreaker(name, settings: settings.map { ($0.key, $0.value) })
      guard let slot = world.slot(named: name) else { return [] }
      let verb = change == .created ? "created" : "reconfigured (CLOSED, counts cleared)"
      var lines = Describe.wrap(
        "breaker \(name) \(verb): \(Describe.configuration(slot.breaker.configuration))",
        width: style.width)
      if case .reconfigured(let transition?) = change {
        narrator.observe(.transition(breaker: name, transition))
        lines += narrator.lines
      }
      return lines + Describe.ineffective(settings.map(\.key), in: slot.breaker.configuration)
    case .service(let name, let mode, let options):
      let known = world.services.map(\.name)
      try world.configureService(
        name, mode: mode, latency: options.latency, breaker: options.breaker,
        retries: options.retries, fallback: options.fallback, timeout: options.timeout)
      var lines = world.service(named: name).map { [Describe.service($0)] } ?? []
      // A new name close to an existing one is most likely a typo: say so.
      if name.count >= 5, !known.contains(name), let close = Suggestion.closest(to: name, in: known)
      {
        lines.append("note: this created a new service '\(name)'; did you mean '\(close)'?")
      }
      return lines
    case .call(let name, let count, let retries, let fallback):
      var summary = LoadSummary()
      for _ in 0..<count where !summary.stuck && !summary.interrupted {
        let before = narrator.lines.count
        let seen = narrator.transitionCount
        summary = try world.call(
          name, count: 1, retries: retries, fallback: fallback, observer: &narrator)
        annotate(&narrator, from: before, transitionsBefore: seen, breaker: guardOf(name))
      }
      var lines = narrator.lines + narrator.extraTransitionsLine
      if summary.stuck {
        lines.append(
          "\(nowText)  \(name)  call still in flight: the service hangs and nothing times it "
            + "out (set 'timeout=' on its breaker or service)")
      }
      if summary.interrupted { lines.append("interrupted at \(nowText)") }
      return lines
    case .force(let outcome, let name, let count):
      var interrupted = false
      for _ in 0..<count where !interrupted {
        let before = narrator.lines.count
        let seen = narrator.transitionCount
        interrupted = try world.forceOutcome(
          outcome, on: name, count: 1, observer: &narrator
        ).interrupted
        annotate(&narrator, from: before, transitionsBefore: seen, breaker: name)
      }
      return narrator.lines + narrator.extraTransitionsLine
        + (interrupted ? ["interrupted at \(nowText)"] : [])
    case .advance(let duration):
      let finished = world.advance(by: duration, observer: &narrator)
      return narrator.lines + narrator.extraTransitionsLine
        + [(finished ? "now " : "interrupted at ") + nowText]
    case .load(let targets, let duration, let poisson):
      let summary = try world.load(
        targets.map { ($0.service, $0.rate) }, for: duration, poisson: poisson,
        observer: &narrator)
      return narrator.lines + narrator.extraTransitionsLine
        + Describe.load(
          summary, targets: targets, duration: duration, poisson: poisson, now: world.now)
    case .forceState(let name, let state):
      try world.force(name, to: state, observer: &narrator)
      return narrator.lines.isEmpty ? ["\(name) is already \(state.label)"] : narrator.lines
    case .mode(let name, let mode):
      try world.setMode(name, to: mode)
      return ["\(name): mode \(mode.rawValue) (\(Describe.mode(mode)))"]
    case .pool(let size):
      try world.setWorkers(size)
      return [
        size.map { "pool: \($0) workers; a request that finds them all busy is dropped" }
          ?? "pool: off (unlimited workers)"
      ]
    default:
      return []
    }
  }
}

extension Lab {
  /// The virtual time as printed, e.g. `t=1m30s`.
  public var nowText: String { "t=" + DurationText.format(world.now) }

  /// The breaker guarding a service, if any.
  func guardOf(_ service: String) -> String? {
    world.service(named: service)?.breaker
  }

  /// Adds the breaker's counters to the last call line of one call, when that call caused no
  /// transition (a transition line explains itself).
  func annotate(
    _ narrator: inout Narrator, from start: Int, transitionsBefore: Int, breaker: String?
  ) {
    guard narrator.transitionCount == transitionsBefore, narrator.lines.count > start,
      let breaker, let slot = world.slot(named: breaker),
      let counters = Describe.counters(slot.breaker, now: world.now)
    else { return }
    let last = narrator.lines.count - 1
    guard !narrator.lines[last].contains("rejected:") else { return }
    narrator.lines[last] += "  [\(counters)]"
  }
}

extension Narrator {
  /// The lines that sum up calls and transitions not printed one by one, if any.
  var extraTransitionsLine: [String] {
    var lines: [String] = []
    let calls = unprintedCalls
    let count = calls.successes + calls.failures + calls.timeouts + calls.rejections + calls.starved
    if count > 0 {
      lines.append(
        "and \(count) more calls: \(calls.successes) succeeded, \(calls.failures) failed, "
          + "\(calls.timeouts) timed out, \(calls.rejections) failed fast, \(calls.starved) starved"
      )
    }
    if unprintedTransitions > 0 {
      lines.append("and \(unprintedTransitions) more transitions (see 'log' or the trace)")
    }
    return lines
  }
}
