import Diagrams
import Testing

@Suite("text width and ANSI")
struct TextWidthTests {
  @Test(
    "display columns",
    arguments: [
      ("OPEN", 4), ("", 0), ("┌──┐", 4), ("断路器", 6), ("café", 4), ("cafe\u{301}", 4),
      ("💳", 2), ("\u{1B}[1;31mOPEN\u{1B}[0m", 4), ("a\u{200B}b", 2), ("▁█▒", 3),
    ])
  func columns(text: String, expected: Int) {
    #expect(TextWidth.columns(text) == expected)
  }

  @Test("strip removes colours, cursor moves and hyperlinks")
  func strip() {
    #expect(
      ANSI.strip("\u{1B}[32mCLOSED\u{1B}[0m -> \u{1B}[1;31mOPEN\u{1B}[0m") == "CLOSED -> OPEN")
    #expect(ANSI.strip("a\u{1B}[2Kb\u{1B}]8;;http://x\u{07}link\u{1B}]8;;\u{1B}\\c") == "ablinkc")
    #expect(ANSI.strip("plain") == "plain")
    #expect(ANSI.strip("dangling\u{1B}") == "dangling")
  }

  @Test("truncate counts columns, keeps escapes and resets the colour it cut")
  func truncate() {
    #expect(TextWidth.truncate("payments", to: 5) == "paym~")
    #expect(TextWidth.truncate("断路器断路器", to: 5, ellipsis: "…") == "断路…")
    let cut = TextWidth.truncate("\u{1B}[31mfailure\u{1B}[0m", to: 4)
    #expect(ANSI.strip(cut) == "fai~")
    #expect(cut.hasSuffix(ANSI.reset))
    #expect(TextWidth.truncate("short", to: 10) == "short")
  }
}
