/// Reads transcripts: plain `.lab` files and Markdown files with fenced `lab` blocks.
///
/// In a plain file, lines before the first input are the header: blank lines, prose starting
/// with `#`, and settings written `# seed: 42`, `# width: 100`, `# charset: unicode`. After
/// that, a line starting with `lab> ` is an input and every other line is expected output of
/// the input before it.
public enum TranscriptParser {
  /// Parses a transcript; Markdown when `path` ends in `.md`.
  /// - Throws: ``TranscriptError`` with the line of the problem.
  public static func parse(_ text: String, path: String) throws(TranscriptError) -> Transcript {
    // "\r\n" is one Character, so CRLF line ends must be split on explicitly.
    let lines = text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
    ).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
    let trimmed = lines.last == "" ? Array(lines.dropLast()) : lines
    if path.hasSuffix(".md") { return try parseMarkdown(trimmed, path: path) }
    return try parsePlain(trimmed, path: path)
  }

  private static func parsePlain(_ lines: [String], path: String) throws(TranscriptError)
    -> Transcript
  {
    var settings = SessionSettings()
    var index = 0
    while index < lines.count, !isInput(lines[index]) {
      let line = lines[index]
      if line.hasPrefix("#") {
        try readSetting(line.dropFirst(), into: &settings, path: path, line: index + 1)
      } else if !line.trimmingCharacters(in: " \t").isEmpty {
        throw TranscriptError(
          path: path, line: index + 1,
          message: "output before the first input; start the session with a 'lab> ' line "
            + "(header lines start with '#')")
      }
      index += 1
    }
    var block = Transcript.Block()
    block.steps = steps(lines, from: index, to: lines.count)
    return Transcript(path: path, settings: settings, blocks: [block], lines: lines)
  }

  private static func parseMarkdown(_ lines: [String], path: String) throws(TranscriptError)
    -> Transcript
  {
    var blocks: [Transcript.Block] = []
    var settings = SessionSettings()
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard let fence = fenceInfo(line), fence.info.first == "lab" else {
        index += 1
        continue
      }
      let open = index
      var end = index + 1
      while end < lines.count, !isClosingFence(lines[end], like: fence.marker) { end += 1 }
      guard end < lines.count else {
        throw TranscriptError(
          path: path, line: open + 1,
          message: "the 'lab' block is never closed; add '\(fence.marker)'")
      }
      var block = Transcript.Block()
      block.line = open + 1
      try readAttributes(fence.info.dropFirst(), into: &block, path: path, line: open + 1)
      if blocks.isEmpty {
        settings.seed = block.seed ?? settings.seed
        settings.width = block.width ?? settings.width
        settings.unicode = block.unicode ?? settings.unicode
      }
      if let first = lines[(open + 1)..<end].firstIndex(where: {
        !$0.trimmingCharacters(in: " \t").isEmpty
      }), !isInput(lines[first]) {
        throw TranscriptError(
          path: path, line: first + 1,
          message: "a 'lab' block must start with an input line ('lab> ...')")
      }
      block.steps = steps(lines, from: open + 1, to: end)
      blocks.append(block)
      index = end + 1
    }
    return Transcript(path: path, settings: settings, blocks: blocks, lines: lines)
  }

  /// Groups lines `start..<end` into steps (the first line must be an input or blank).
  private static func steps(_ lines: [String], from start: Int, to end: Int)
    -> [Transcript.Step]
  {
    var steps: [Transcript.Step] = []
    for index in start..<end {
      let line = lines[index]
      if isInput(line) {
        steps.append(
          Transcript.Step(
            input: String(line.dropFirst(Transcript.prompt.count)), line: index + 1, expected: []))
      } else if !steps.isEmpty {
        steps[steps.count - 1].expected.append(
          Transcript.ExpectedLine(text: line, line: index + 1))
      }
    }
    // Blank lines at the end of a step's output are not significant.
    for index in steps.indices {
      while steps[index].expected.last?.text.trimmingCharacters(in: " \t").isEmpty == true {
        steps[index].expected.removeLast()
      }
    }
    return steps
  }

  /// Whether a line is an input: `lab> TEXT`, or a bare `lab>` (an empty input whose
  /// trailing space an editor removed).
  static func isInput(_ line: String) -> Bool {
    line.hasPrefix(Transcript.prompt) || line == "lab>"
  }

  /// The fence marker and info words of a line that opens a fenced code block.
  public static func fenceInfo(_ line: String) -> (marker: String, info: [String])? {
    let body = line.drop(while: { $0 == " " })
    guard line.count - body.count <= 3 else { return nil }
    let marker = body.prefix(while: { $0 == "`" || $0 == "~" })
    guard marker.count >= 3, Set(marker).count == 1 else { return nil }
    let info = body.dropFirst(marker.count).split(separator: " ").map(String.init)
    return (String(marker), info)
  }

  /// Whether `line` closes a block opened with `marker`.
  public static func isClosingFence(_ line: String, like marker: String) -> Bool {
    let body = line.drop(while: { $0 == " " }).trimmingCharacters(in: " \t")
    return body.count >= marker.count && body.allSatisfy({ $0 == marker.first })
  }

  private static func readSetting(
    _ text: Substring, into settings: inout SessionSettings, path: String, line: Int
  ) throws(TranscriptError) {
    let parts = text.split(separator: ":", maxSplits: 1).map {
      $0.trimmingCharacters(in: " \t")
    }
    guard parts.count == 2 else { return }  // Prose.
    switch parts[0] {
    case "seed":
      guard let seed = UInt64(parts[1]) else {
        throw TranscriptError(path: path, line: line, message: "'seed' must be a whole number")
      }
      settings.seed = seed
    case "width":
      guard let width = Int(parts[1]), (40...400).contains(width) else {
        throw TranscriptError(path: path, line: line, message: "'width' must be from 40 to 400")
      }
      settings.width = width
    case "charset":
      guard parts[1] == "ascii" || parts[1] == "unicode" else {
        throw TranscriptError(
          path: path, line: line, message: "'charset' must be ascii or unicode")
      }
      settings.unicode = parts[1] == "unicode"
    default:
      return  // Prose such as "# Note: ...".
    }
  }

  private static func readAttributes(
    _ words: ArraySlice<String>, into block: inout Transcript.Block, path: String, line: Int
  ) throws(TranscriptError) {
    for word in words {
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      switch parts[0] {
      case "fresh":
        block.fresh = true
      case "seed":
        guard parts.count == 2, let value = UInt64(parts[1]) else {
          throw TranscriptError(
            path: path, line: line, message: "'seed' needs a number, e.g. seed=42")
        }
        block.seed = value
      case "width":
        guard parts.count == 2, let value = Int(parts[1]), (40...400).contains(value) else {
          throw TranscriptError(
            path: path, line: line, message: "'width' needs a number from 40 to 400, e.g. width=100"
          )
        }
        block.width = value
      case "ascii", "unicode":
        block.unicode = parts[0] == "unicode"
      case "no-compare":
        block.compare = false
      case "skip":
        block.skip = true
      default:
        block.attributes.append(word)
      }
    }
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var text = Substring(self)
    while let first = text.first, set.contains(first) { text.removeFirst() }
    while let last = text.last, set.contains(last) { text.removeLast() }
    return String(text)
  }
}

extension Substring {
  func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
