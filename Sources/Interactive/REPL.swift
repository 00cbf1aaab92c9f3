import BreakerCore
import LabCommands
import LineEditing
import Simulation

/// The read–run–print loop of the lab, independent of where lines come from.
///
/// A ``LineReader`` supplies lines (libedit in a terminal, a pipe, or a script in tests);
/// each line runs against the ``Lab``; its output goes to `write`. Errors are printed as
/// `error: …` and never end the session; `quit` or the end of input does.
public struct REPL {
  /// The lab the session runs against.
  public var lab: Lab
  /// Called with every line entered and the lines it printed (for recording sessions).
  public var onExchange: ((_ input: String, _ output: [String]) -> Void)?

  /// Creates a loop over a lab.
  public init(lab: Lab) {
    self.lab = lab
  }

  /// The prompt: the virtual time, then `lab> `, e.g. `t=1m30s lab> `.
  public var prompt: String { "t=\(DurationText.format(lab.world.now)) lab> " }

  /// Runs until `quit` or the end of input.
  /// - Parameters:
  ///   - reader: Where lines come from.
  ///   - write: Where each output line goes.
  ///   - beforeEach: Called before each command runs (e.g. to clear a pending Ctrl-C).
  ///   - afterEach: Called with the lab after each command (e.g. to refresh completions).
  /// - Returns: How many lines were refused with an error.
  @discardableResult
  public mutating func run(
    reader: inout some LineReader, write: (String) -> Void, beforeEach: () -> Void = {},
    afterEach: (Lab) -> Void = { _ in }
  ) -> Int {
    var errors = 0
    while true {
      switch reader.read(prompt: prompt) {
      case .endOfInput:
        return errors
      case .interrupted:
        continue
      case .line(let line):
        reader.remember(line)
        beforeEach()
        let reply = lab.run(line)
        var output = reply.lines
        if let error = reply.error {
          errors += 1
          output.append("error: \(error.message)")
        }
        for text in output { write(text) }
        onExchange?(line, output)
        afterEach(lab)
        if reply.quit { return errors }
      }
    }
  }
}
