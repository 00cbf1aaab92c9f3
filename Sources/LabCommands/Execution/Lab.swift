import BreakerCore
import Simulation

/// A lab session: a world plus everything needed to run commands against it and report.
///
/// The same type serves every front end (REPL, `run` scripts, transcript replay, lesson
/// checks): it takes a line, returns the lines to show, and never does I/O itself.
///
/// ```swift
/// var lab = Lab(seed: 0)
/// lab.run("breaker payments").lines   // ["breaker payments created (like=lesson): ..."]
/// ```
public struct Lab {
  /// The simulated world.
  public private(set) var world: World
  /// Receives every event as a JSON line, when set.
  public var trace: (any TraceSink)?
  /// Polled during long work; returning `true` stops it (Ctrl-C).
  public var interrupted: @Sendable () -> Bool = { false }

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
  }

  /// Parses and runs one line.
  public mutating func run(_ line: String) -> Reply {
    do {
      let command = try CommandParser.parse(line)
      return Reply(lines: try execute(command), error: nil)
    } catch {
      return Reply(lines: [], error: error)
    }
  }

  /// Runs a parsed command.
  /// - Throws: ``CommandError`` when the world refuses it; nothing has changed then.
  public mutating func execute(_ command: Command) throws(CommandError) -> [String] {
    var narrator = Narrator(trace: trace, stop: interrupted)
    do {
      switch command {
      case .nothing:
        return []
      case .breaker(let name, let settings):
        let change = try world.configureBreaker(
          name, settings: settings.map { ($0.key, $0.value) })
        guard let slot = world.slot(named: name) else { return [] }
        let verb = change == .created ? "created" : "reconfigured (CLOSED, counts cleared)"
        return ["breaker \(name) \(verb): \(Describe.configuration(slot.breaker.configuration))"]
      case .service(let name, let mode, let options):
        try world.configureService(
          name, mode: mode, latency: options.latency, breaker: options.breaker,
          retries: options.retries, fallback: options.fallback, timeout: options.timeout)
        guard let service = world.service(named: name) else { return [] }
        return [Describe.service(service)]
      case .call(let name, let count, let retries):
        let summary = try world.call(name, count: count, retries: retries, observer: &narrator)
        var lines = narrator.lines + narrator.extraTransitionsLine
        if summary.stuck {
          lines.append(
            "t=\(DurationText.format(world.now))  \(name)  call still in flight: the service "
              + "hangs and nothing times it out (set 'timeout=' on its breaker or service)")
        }
        if summary.interrupted {
          lines.append("interrupted at t=\(DurationText.format(world.now))")
        }
        return lines
      case .force(let outcome, let name, let count):
        let summary = try world.forceOutcome(outcome, on: name, count: count, observer: &narrator)
        var lines = narrator.lines + narrator.extraTransitionsLine
        if summary.interrupted {
          lines.append("interrupted at t=\(DurationText.format(world.now))")
        }
        return lines
      case .advance(let duration):
        let finished = world.advance(by: duration, observer: &narrator)
        let tail = finished ? "now t=" : "interrupted at t="
        return narrator.lines + narrator.extraTransitionsLine
          + [tail + DurationText.format(world.now)]
      case .load(let targets, let duration, let poisson):
        let summary = try world.load(
          targets.map { ($0.service, $0.rate) }, for: duration, poisson: poisson,
          observer: &narrator)
        return narrator.lines + narrator.extraTransitionsLine
          + Describe.load(summary, targets: targets, duration: duration, now: world.now)
      }
    } catch {
      throw CommandError(error.message)
    }
  }
}

extension Narrator {
  /// The line that mentions transitions not printed, if any.
  var extraTransitionsLine: [String] {
    unprintedTransitions == 0
      ? [] : ["... and \(unprintedTransitions) more transitions (see the trace)"]
  }
}
