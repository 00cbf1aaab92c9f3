import BreakerCore
import LabCommands
import Lessons
import LineEditing
import Simulation

/// The read–run–print loop of the lab, independent of where lines come from.
///
/// A ``LineReader`` supplies lines (libedit in a terminal, a pipe, or a script in tests);
/// each line runs against the course session (lab commands, and `:` course commands); its
/// output goes to `write`. Errors are printed as
/// `error: …` and never end the session; `quit` or the end of input does.
public struct REPL {
  /// The course session the loop runs against (it holds the lab).
  public var session: CourseSession
  /// Called with every line entered and the lines it printed (for recording sessions).
  public var onExchange: ((_ input: String, _ output: [String]) -> Void)?
  /// Handles `record FILE` / `record stop`, given the words after `record` and the session
  /// so far; returns the lines to print. `nil` when recording is not available.
  public var onRecord: ((_ arguments: [String], _ session: [Exchange]) -> [String])?
  /// Every line entered so far and what it printed, so a recording started late still
  /// holds the whole session and replays from t=0.
  public private(set) var exchanges: [Exchange] = []

  /// One line entered and the lines it printed.
  public struct Exchange: Sendable, Equatable {
    public var input: String
    public var output: [String]
  }

  /// Creates a loop over a course session.
  public init(session: CourseSession) {
    self.session = session
  }

  /// The prompt: the step id in a lesson, the virtual time, then `lab> `, e.g.
  /// `[2.3] t=1m30s lab> `.
  public var prompt: String { session.prompt }

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
        let words = line.split(separator: " ").map(String.init)
        if words.first == "record", let onRecord {
          for text in onRecord(Array(words.dropFirst()), exchanges) { write(text) }
          continue
        }
        beforeEach()
        let reply = session.run(line)
        let output = reply.printed
        if reply.error != nil { errors += 1 }
        for text in output { write(text) }
        exchanges.append(Exchange(input: line, output: output))
        onExchange?(line, output)
        afterEach(session.lab)
        if reply.quit { return errors }
      }
    }
  }
}
