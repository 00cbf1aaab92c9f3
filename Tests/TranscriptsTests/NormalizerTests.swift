import Testing
import Transcripts

/// What does not count when output is compared: colour and other ANSI escapes, carriage
/// returns, trailing white space and trailing blank lines.
@Suite("Normalizer")
struct NormalizerTests {
  @Test(
    "one line is normalized",
    arguments: [
      ("\u{1B}[1;31mOPEN\u{1B}[0m", "OPEN"),
      ("\u{1B}[38;5;208mHALF_OPEN\u{1B}[m  (trial)", "HALF_OPEN  (trial)"),
      ("t=0ms  api\r", "t=0ms  api"),
      ("progress 10%\rprogress 100%", "progress 10%progress 100%"),
      ("trailing spaces   ", "trailing spaces"),
      ("trailing tab\t \t", "trailing tab"),
      ("  leading spaces stay", "  leading spaces stay"),
      ("inner  spaces  stay", "inner  spaces  stay"),
      ("reset by tput: \u{1B}(B\u{1B}[mdone", "reset by tput: done"),
      ("keypad \u{1B}=on", "keypad on"),
      ("cut at the end \u{1B}", "cut at the end"),
      ("|=| box \u{2502} drawing", "|=| box \u{2502} drawing"),
    ])
  func line(_ raw: String, _ normalized: String) {
    #expect(Normalizer.normalize(raw) == normalized)
  }

  @Test("trailing blank lines go; blank lines inside the output stay")
  func lines() {
    let raw = ["first", "", "third  ", "\u{1B}[0m", "   ", ""]
    #expect(Normalizer.normalize(raw) == ["first", "", "third"])
    #expect(Normalizer.normalize(["", " "]).isEmpty)
  }

  @Test("replay ignores colour, CRs and trailing white space in the expected text too")
  func replayIgnoresThem() throws {
    let text =
      "lab> breaker api\r\n\u{1B}[1mbreaker api created: {{..}}\u{1B}[0m   \r\n"
      + "  {{..}}\u{1B}[0m \t\r\n\r\n\r\n"
    let result = try Replay.run(text, path: "n.lab")
    #expect(result.passed, "\(Replay.diff(result, path: "n.lab").joined(separator: "\n"))")
  }
}
