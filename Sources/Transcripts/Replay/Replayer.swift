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

  /// Replays a transcript.
  /// - Parameter interrupted: Polled during long commands (Ctrl-C).
  public static func replay(
    _ transcript: Transcript, interrupted: @escaping @Sendable () -> Bool = { false }
  ) -> Result {
    var lab = session(transcript.settings, interrupted: interrupted)
    var failures: [StepFailure] = []
    var steps = 0
    for (index, block) in transcript.blocks.enumerated() where !block.skip {
      if block.fresh && index > 0 {
        var settings = transcript.settings
        settings.seed = block.seed ?? settings.seed
        lab = session(settings, interrupted: interrupted)
      } else if let seed = block.seed, index > 0 {
        _ = lab.run("seed \(seed)")
      }
      if let width = block.width { lab.style.width = width }
      if let unicode = block.unicode { lab.style.unicode = unicode }
      for step in block.steps {
        steps += 1
        let actual = Normalizer.normalize(lab.run(step.input).printed)
        guard block.compare else { continue }
        let patterns = step.expected.map { LinePattern(Normalizer.normalize($0.text)) }
        if !Alignment.matches(patterns, actual) {
          failures.append(
            StepFailure(step: step, actual: actual, alignment: Alignment.align(patterns, actual)))
        }
      }
    }
    return Result(transcript: transcript, failures: failures, steps: steps)
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
