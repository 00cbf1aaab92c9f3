/// A parsed transcript: the steps of one or more sessions, with their source lines.
///
/// A step is an input line (`lab> TEXT`) and the output lines expected after it. A `.lab`
/// file is one block; a Markdown file holds one block per fenced code block whose info string
/// starts with `lab`. Every block of a file continues the file's one session unless it says
/// `fresh`.
public struct Transcript: Sendable, Equatable {
  /// The fixed prompt token that starts every input line.
  public static let prompt = "lab> "

  /// Where the transcript came from (for messages).
  public var path: String
  /// The session settings given by the header or the first block.
  public var settings: SessionSettings
  public var blocks: [Block]
  /// The file's lines, kept so that update mode can rewrite only expected output.
  public var lines: [String]

  /// One block of steps.
  public struct Block: Sendable, Equatable {
    /// Whether a new session (clock 0, empty world) starts before this block (`fresh`).
    public var fresh = false
    /// A seed to set before this block (`seed=N`); with `fresh`, the new session's seed.
    public var seed: UInt64?
    /// Drawing settings from this block on (`width=N`, `ascii`, `unicode`).
    public var width: Int?
    public var unicode: Bool?
    /// Whether to run the block without comparing its output (`no-compare`).
    public var compare: Bool = true
    /// Whether the block is skipped entirely (`skip`).
    public var skip: Bool = false
    /// Attributes not used by the replayer (`hidden`, `solution=ID`...), for lessons.
    public var attributes: [String] = []
    public var steps: [Step] = []
    /// The 1-based line of the opening fence (Markdown), or 1 for a plain file.
    public var line = 1
  }

  /// One input and its expected output.
  public struct Step: Sendable, Equatable {
    /// The input text, without the prompt token.
    public var input: String
    /// The 1-based line number of the input line in the file.
    public var line: Int
    /// The expected output lines.
    public var expected: [ExpectedLine]
  }

  /// One expected output line and where it is.
  public struct ExpectedLine: Sendable, Equatable {
    public var text: String
    /// The 1-based line number in the file.
    public var line: Int
  }
}

/// How a replayed session is set up: seed, width and character set.
public struct SessionSettings: Sendable, Equatable {
  public var seed: UInt64 = 0
  public var width: Int = 80
  public var unicode: Bool = false

  /// The defaults: seed 0, 80 columns, ASCII.
  public init(seed: UInt64 = 0, width: Int = 80, unicode: Bool = false) {
    self.seed = seed
    self.width = width
    self.unicode = unicode
  }

  /// The header lines a recording writes so that it replays the same way.
  public var headerLines: [String] {
    ["# seed: \(seed)", "# width: \(width)", "# charset: \(unicode ? "unicode" : "ascii")"]
  }
}

/// A transcript that cannot be read: the file, the line and what is wrong.
public struct TranscriptError: Error, Sendable, Equatable, CustomStringConvertible {
  public var path: String
  public var line: Int
  public var message: String

  /// Creates an error.
  public init(path: String, line: Int, message: String) {
    self.path = path
    self.line = line
    self.message = message
  }

  public var description: String { "\(path):\(line): \(message)" }
}
