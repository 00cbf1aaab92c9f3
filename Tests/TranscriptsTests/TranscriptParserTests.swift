import Testing
import Transcripts

/// Reading transcripts: the plain `.lab` header, Markdown `lab` blocks and their
/// attributes, and the errors that point at the line of the problem.
@Suite("TranscriptParser")
struct TranscriptParserTests {
  @Test("a plain header sets seed, width and charset; prose lines are ignored")
  func plainHeader() throws {
    let text = """
      # A transcript about one breaker.
      # seed: 42
      # width: 100
      # charset: unicode
      # Note: prose with a colon is not a setting.

      lab> breaker api
      breaker api created

      lab> stats
      """
    let transcript = try TranscriptParser.parse(text, path: "a.lab")
    #expect(transcript.settings == SessionSettings(seed: 42, width: 100, unicode: true))
    #expect(transcript.blocks.count == 1)
    let steps = try #require(transcript.blocks.first).steps
    #expect(steps.map(\.input) == ["breaker api", "stats"])
    #expect(steps.map(\.line) == [7, 10])
    // The blank line before the next input is not expected output.
    #expect(steps[0].expected.map(\.text) == ["breaker api created"])
    #expect(steps[0].expected.map(\.line) == [8])
    #expect(steps[1].expected.isEmpty)
  }

  @Test("with no header the defaults apply: seed 0, 80 columns, ASCII")
  func defaults() throws {
    let transcript = try TranscriptParser.parse("lab> stats\r\nsome output\r\n", path: "b.lab")
    #expect(transcript.settings == SessionSettings())
    let step = try #require(transcript.blocks.first?.steps.first)
    #expect(step.input == "stats")
    #expect(step.expected.map(\.text) == ["some output"])
  }

  @Test("a bare 'lab>' (trailing space trimmed by an editor) is an empty input")
  func barePrompt() throws {
    let transcript = try TranscriptParser.parse("lab>\nlab> stats\n", path: "c.lab")
    let steps = try #require(transcript.blocks.first).steps
    #expect(steps.map(\.input) == ["", "stats"])
  }

  @Test(
    "a bad header setting is an error on its line",
    arguments: [
      ("# seed: many", 1, "'seed' must be a whole number"),
      ("# width: 20", 1, "'width' must be from 40 to 400"),
      ("# charset: ebcdic", 1, "'charset' must be ascii or unicode"),
    ])
  func badHeader(_ header: String, _ line: Int, _ message: String) throws {
    let error = try #require(throws: TranscriptError.self) {
      try TranscriptParser.parse(header + "\nlab> stats\n", path: "h.lab")
    }
    #expect(error == TranscriptError(path: "h.lab", line: line, message: message))
    #expect(error.description == "h.lab:\(line): \(message)")
  }

  @Test("output before the first input is an error on that line")
  func outputBeforeInput() throws {
    let text = "# seed: 1\n\nbreaker api created\nlab> stats\n"
    let error = try #require(throws: TranscriptError.self) {
      try TranscriptParser.parse(text, path: "o.lab")
    }
    #expect(error.path == "o.lab")
    #expect(error.line == 3)
    #expect(error.message.hasPrefix("output before the first input"))
  }

  @Test("Markdown: only 'lab' blocks are read, with their attributes and line numbers")
  func markdownBlocks() throws {
    let text = """
      # A lesson

      ```text
      lab> not a transcript
      ```

      ```lab seed=7 width=100 unicode
      lab> breaker api
      created
      ```

      Prose between blocks.

      ```lab fresh seed=9 no-compare hidden solution=2.3
      lab> stats
      ```

      ~~~lab skip ascii
      lab> call api
      ~~~
      """
    let transcript = try TranscriptParser.parse(text, path: "l.md")
    #expect(transcript.settings == SessionSettings(seed: 7, width: 100, unicode: true))
    #expect(transcript.blocks.count == 3)
    let first = transcript.blocks[0]
    #expect(first.line == 7)
    #expect(first.seed == 7 && first.width == 100 && first.unicode == true)
    #expect(!first.fresh && first.compare && !first.skip)
    #expect(first.steps.map(\.input) == ["breaker api"])
    #expect(first.steps.first?.line == 8)
    #expect(first.steps.first?.expected.map(\.text) == ["created"])
    #expect(first.steps.first?.expected.map(\.line) == [9])
    let second = transcript.blocks[1]
    #expect(second.line == 14)
    #expect(second.fresh && second.seed == 9 && !second.compare && !second.skip)
    #expect(second.attributes == ["hidden", "solution=2.3"])
    let third = transcript.blocks[2]
    #expect(third.skip && third.unicode == false)
    #expect(third.steps.map(\.input) == ["call api"])
  }

  @Test(
    "Markdown: a bad attribute is an error on the fence line",
    arguments: [
      ("```lab seed=x", "'seed' needs a number, e.g. seed=42"),
      ("```lab width=10", "'width' needs a number from 40 to 400, e.g. width=100"),
    ])
  func badAttribute(_ fence: String, _ message: String) throws {
    let text = "Intro\n\n\(fence)\nlab> stats\n```\n"
    let error = try #require(throws: TranscriptError.self) {
      try TranscriptParser.parse(text, path: "m.md")
    }
    #expect(error == TranscriptError(path: "m.md", line: 3, message: message))
  }

  @Test("Markdown: an unclosed 'lab' fence is an error on its opening line")
  func unclosedFence() throws {
    let text = "Intro\n\n```lab\nlab> stats\n\nMore prose\n"
    let error = try #require(throws: TranscriptError.self) {
      try TranscriptParser.parse(text, path: "u.md")
    }
    #expect(error.line == 3)
    #expect(error.message.contains("never closed"))
    #expect(error.message.contains("```"))
  }

  @Test("Markdown: a block that starts with output is an error on that line")
  func blockStartsWithOutput() throws {
    let text = "Intro\n```lab\n\nbreaker api created\nlab> stats\n```\n"
    let error = try #require(throws: TranscriptError.self) {
      try TranscriptParser.parse(text, path: "s.md")
    }
    // The line of the stray output, not the blank line before it.
    #expect(error.line == 4)
    #expect(error.message.contains("must start with an input line"))
  }

  @Test("a Markdown file without 'lab' blocks has no blocks")
  func proseOnly() throws {
    let transcript = try TranscriptParser.parse("# Title\n\nJust prose.\n", path: "p.md")
    #expect(transcript.blocks.isEmpty)
  }

  @Test("the header a recording writes reads back as the same settings")
  func headerRoundTrip() throws {
    let settings = SessionSettings(seed: 12, width: 132, unicode: true)
    let text = (TranscriptWriter.header(settings) + ["lab> stats"]).joined(separator: "\n")
    #expect(try TranscriptParser.parse(text, path: "r.lab").settings == settings)
  }
}
