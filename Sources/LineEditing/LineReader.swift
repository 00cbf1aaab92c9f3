/// What one read from the user produced.
public enum LineInput: Sendable, Equatable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C while editing: the line was discarded.
  case interrupted
  /// Ctrl-D on an empty line, or the end of piped input.
  case endOfInput
}

/// A source of input lines: libedit in a terminal, plain reading from a pipe, or a script.
public protocol LineReader {
  /// Shows `prompt` (if the reader shows prompts) and reads one line.
  mutating func read(prompt: String) -> LineInput
  /// Remembers a line the user entered (history), if the reader keeps one.
  mutating func remember(_ line: String)
}

extension LineReader {
  public mutating func remember(_ line: String) {}
}

/// Reads standard input line by line with no prompt and no history (pipes and files).
public struct PlainLineReader: LineReader {
  /// Creates the reader.
  public init() {}

  public mutating func read(prompt: String) -> LineInput {
    guard let line = readLine(strippingNewline: true) else { return .endOfInput }
    return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
  }
}

/// Returns prepared lines, then the end of input (tests, transcript replay, lesson checks).
public struct ScriptedLineReader: LineReader {
  private var lines: [LineInput]
  private var index = 0
  /// The prompts it was asked to show, in order.
  public private(set) var prompts: [String] = []

  /// Creates a reader that returns `lines` in order.
  public init(_ lines: [String]) { self.lines = lines.map(LineInput.line) }

  /// Creates a reader that returns these inputs in order (to script Ctrl-C, say).
  public init(inputs: [LineInput]) { self.lines = inputs }

  public mutating func read(prompt: String) -> LineInput {
    prompts.append(prompt)
    guard index < lines.count else { return .endOfInput }
    defer { index += 1 }
    return lines[index]
  }
}
