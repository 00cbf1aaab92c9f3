import Interactive
import LabCommands
import Lessons
import LineEditing
import Simulation
import Testing
import Transcripts

/// Recording: the REPL's exchanges, written with `TranscriptWriter`, replay green at once —
/// course commands, refused lines and odd input included.
@Suite("Recording a REPL session")
struct RecordingTests {
  static let script = [
    ":lessons", ":start", "breaker {{x", "stats", "", "   ", "# a comment", "fail api 2",
    "call nosuch", ":check", ":hint", "fail api 1", ":check", ":solution", ":next",
    ":answer 25s", ":answer 30s", ":next", ":demo", ":next", ":answer a", ":sandbox",
    "reset", ":resume", "show api", "timeline", "log api", "...", "lab> stats", ":goto {{x",
  ]

  @Test(
    "a recorded session replays green",
    arguments: [
      SessionSettings(), SessionSettings(seed: 7, width: 100, unicode: true),
    ])
  func replaysGreen(_ settings: SessionSettings) throws {
    let session = CourseSession(
      course: Tiny.course, lab: Replayer.session(settings), store: MemoryProgressStore())
    var repl = REPL(session: session)
    var reader = ScriptedLineReader(Self.script)
    var written: [String] = []
    let errors = repl.run(reader: &reader, write: { written.append($0) })
    #expect(errors == 5)
    #expect(repl.exchanges.map(\.input) == Self.script)
    #expect(written == repl.exchanges.flatMap(\.output))
    #expect(reader.prompts.first == "t=0ms lab> ")
    #expect(reader.prompts.contains("[1.1] t=0ms lab> "))
    #expect(reader.prompts.contains { $0.hasSuffix("sandbox> ") })
    var lines = TranscriptWriter.header(settings)
    for exchange in repl.exchanges {
      lines += TranscriptWriter.lines(input: exchange.input, output: exchange.output)
    }
    let text = lines.joined(separator: "\n") + "\n"
    let transcript = try TranscriptParser.parse(text, path: "recorded.lab")
    #expect(transcript.settings == settings)
    let result = Replayer.replay(transcript) { settings in
      CourseSession(
        course: Tiny.course, lab: Replayer.session(settings), store: MemoryProgressStore())
    }
    let diff = result.failures.flatMap { DiffReport.lines(for: $0, path: "recorded.lab") }
    #expect(result.passed, "\(diff.joined(separator: "\n"))")
    #expect(result.steps == Self.script.count)
  }

  @Test("'quit' ends the loop; lines after it are not read")
  func quit() {
    var repl = REPL(session: Inline.session(Tiny.course))
    var reader = ScriptedLineReader(["stats", "quit", "breaker api"])
    _ = repl.run(reader: &reader, write: { _ in })
    #expect(repl.exchanges.map(\.input) == ["stats", "quit"])
    #expect(repl.session.lab.world.slots.isEmpty)
  }
}
