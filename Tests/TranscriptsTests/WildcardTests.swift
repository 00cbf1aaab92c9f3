import Testing
import Transcripts

/// Wildcards in expected output: `{{..}}` matches any text inside a line, `{{INT}}` and the
/// other named placeholders one kind of text, `...` alone any number of whole lines; any
/// other `{{x}}` is literal text.
@Suite("Wildcards")
struct WildcardTests {
  @Test(
    "one expected line against one actual line",
    arguments: [
      ("t={{..}}  api  CLOSED -> OPEN", "t=5s  api  CLOSED -> OPEN", true),
      ("t={{..}}  api  CLOSED -> OPEN", "t=5s  web  CLOSED -> OPEN", false),
      ("t={{..}}  api  CLOSED -> OPEN", "t=  api  CLOSED -> OPEN", true),
      ("{{..}}", "", true),
      ("{{..}} -> {{..}}", "CLOSED -> OPEN", true),
      ("{{..}} -> {{..}}", "CLOSED => OPEN", false),
      ("prefix {{..}}", "prefix and anything else", true),
      ("prefix {{..}}", "other prefix", false),
      ("calls {{INT}} ok", "calls 42 ok", true),
      ("calls {{INT}} ok", "calls x ok", false),
      ("calls {{INT}} ok", "calls  ok", false),
      ("calls {{INT}} ok", "calls -3 ok", false),
      ("waited {{DURATION}}", "waited 1m30s", true),
      ("waited {{DURATION}}", "waited 250ms", true),
      ("waited {{DURATION}}", "waited soon", false),
      ("version {{VERSION}}", "version 0.1.0", true),
      ("version {{VERSION}}", "version 0.1.0-beta", false),
      ("a {{x}} b", "a {{x}} b", true),
      ("a {{x}} b", "a y b", false),
      ("a {{int}} b", "a 1 b", false),
      ("unclosed {{..", "unclosed {{..", true),
      ("unclosed {{..", "unclosed anything", false),
      ("plain line", "plain line", true),
      ("plain line", "plain line ", false),
      ("...", "any single line", true),
      ("....", "....", true),
      ("....", "x", false),
    ])
  func line(_ expected: String, _ actual: String, _ matches: Bool) {
    #expect(LinePattern(expected).matches(actual) == matches)
  }

  @Test("'...' alone is the any-lines wildcard; with more text it is literal")
  func ellipsisKinds() {
    #expect(LinePattern("...") == .anyLines)
    #expect(LinePattern(" ...") == .line(" ..."))
    #expect(LinePattern("... more") == .line("... more"))
    #expect(LinePattern("...").hasWildcard)
    #expect(LinePattern("t={{..}}").hasWildcard)
    #expect(!LinePattern("t=0ms").hasWildcard)
  }

  @Test(
    "'...' absorbs zero or many lines",
    arguments: [
      (["first", "...", "last"], ["first", "last"], true),
      (["first", "...", "last"], ["first", "a", "b", "c", "last"], true),
      (["...", "last"], ["last"], true),
      (["first", "..."], ["first"], true),
      (["..."], [], true),
      (["..."], ["a", "b"], true),
      (["...", "..."], ["a"], true),
      (["first", "...", "last"], ["first", "a", "b"], false),
      (["first", "...", "last"], ["a", "last"], false),
      (["a", "...", "c", "...", "e"], ["a", "b", "c", "d", "e"], true),
      (["a", "...", "c", "...", "e"], ["a", "c", "e", "c"], false),
      (["a", "{{INT}}"], ["a", "12"], true),
      (["a", "b"], ["a"], false),
      (["a"], ["a", "b"], false),
    ])
  func lines(_ expected: [String], _ actual: [String], _ matches: Bool) {
    let patterns = expected.map(LinePattern.init)
    #expect(Alignment.matches(patterns, actual) == matches)
    let edits = Alignment.align(patterns, actual).filter { operation in
      switch operation {
      case .delete, .insert: true
      default: false
      }
    }
    #expect(edits.isEmpty == matches)
  }

  @Test("the alignment keeps what matches and marks the rest as edits")
  func alignment() {
    let patterns = ["a", "...", "d", "x"].map(LinePattern.init)
    let operations = Alignment.align(patterns, ["a", "b", "c", "d", "e"])
    #expect(
      operations == [
        .keep(expected: 0, actual: 0),
        .absorb(expected: 1, actual: 1),
        .absorb(expected: 1, actual: 2),
        .endAbsorb(expected: 1),
        .keep(expected: 2, actual: 3),
        .delete(expected: 3),
        .insert(actual: 4),
      ])
  }
}
