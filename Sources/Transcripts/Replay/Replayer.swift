import Diagrams
import LabCommands

/// Replays transcripts against fresh lab sessions and compares the output.
///
/// Input lines go straight to the lab (below any line editor), so terminal control
/// sequences never reach the comparison. Every step runs even after a mismatch, because the
/// world evolves deterministically: one run reports, and can repair, every difference.
public enum Replayer {
  /// The result of replaying one transcript.
  public struct Result: Sendable {
    public var transcript: Transcript
    public var failures: [StepFailure]
    /// Steps replayed (comments included).
    public var steps: Int
    public var passed: Bool { failures.isEmpty }
  }

  /// One step whose output differed.
  public struct StepFailure: Sendable {
    public var step: Transcript.Step
    /// The normalized actual output.
    public var actual: [String]
    /// The alignment of the expected lines against `actual`.
    public var alignment: [Alignment.Operation]
  }

  /// Replays a transcript against plain lab sessions.
  /// - Parameter interrupted: Polled during long commands (Ctrl-C).
  public static func replay(
    _ transcript: Transcript, interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> Result {
    replay(transcript) { settings in session(settings, interrupted: interrupted) }
  }

  /// Replays a transcript against sessions made by `makeSession` (a course-aware session,
  /// say), one per session of the transcript.
  public static func replay(
    _ transcript: Transcript, makeSession: (SessionSettings) -> any ReplayableSession
  ) -> Result {
    var failures: [StepFailure] = []
    var steps = 0
    walk(transcript, makeSession: makeSession) { step, block, session in
      steps += 1
      let actual = Normalizer.normalize(session.printed(for: step.input))
      guard block.compare else { return }
      let patterns = step.expected.map { LinePattern(Normalizer.normalize($0.text)) }
      if !Alignment.matches(patterns, actual) {
        failures.append(
          StepFailure(step: step, actual: actual, alignment: Alignment.align(patterns, actual)))
      }
    }
    return Result(transcript: transcript, failures: failures, steps: steps)
  }

  /// Visits every step of a transcript with the session it runs in, starting a new session
  /// for `fresh` blocks and applying each block's `seed=`, `width=` and character set; the
  /// visitor runs the step (replay compares it, a demo shows it).
  public static func walk(
    _ transcript: Transcript, makeSession: (SessionSettings) -> any ReplayableSession,
    visit: (Transcript.Step, Transcript.Block, inout any ReplayableSession) -> Void
  ) {
    var session = makeSession(transcript.settings)
    for (index, block) in transcript.blocks.enumerated() where !block.skip {
      if block.fresh && index > 0 {
        var settings = transcript.settings
        settings.seed = block.seed ?? settings.seed
        session = makeSession(settings)
      } else if let seed = block.seed, index > 0 {
        _ = session.printed(for: "seed \(seed)")
      }
      if block.width != nil || block.unicode != nil {
        session.restyle(width: block.width, unicode: block.unicode)
      }
      for step in block.steps { visit(step, block, &session) }
    }
  }

  /// A fresh lab for a session: clock 0, empty world, the given seed and drawing settings.
  public static func session(
    _ settings: SessionSettings, interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> Lab {
    var lab = Lab(seed: settings.seed)
    lab.style = RenderStyle(width: settings.width, unicode: settings.unicode, color: false)
    lab.interrupted = interrupted
    return lab
  }
}

/// Something a transcript can be replayed against: a lab, or a course session around one.
public protocol ReplayableSession {
  /// The virtual time as the prompt shows it, e.g. `t=1m30s`.
  var clockText: String { get }
  /// Runs one input line and returns every line it printed.
  mutating func printed(for line: String) -> [String]
  /// Changes how diagrams are drawn from now on.
  mutating func restyle(width: Int?, unicode: Bool?)
}

extension Lab: ReplayableSession {
  public var clockText: String { nowText }

  public mutating func printed(for line: String) -> [String] { run(line).printed }

  public mutating func restyle(width: Int?, unicode: Bool?) {
    if let width { style.width = width }
    if let unicode { style.unicode = unicode }
  }
}
