import Lessons
import Testing
import Transcripts

/// Replaying transcripts: a recorded session replays green, an edited one fails with a
/// unified diff numbered by the transcript's own lines, and update mode repairs it.
@Suite("Replayer, DiffReport and Updater")
struct ReplayerTests {
  /// One edit of the good transcript and the exact report it must produce.
  struct Mutation: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var diff: [String]
    var testDescription: String { name }
  }

  static let mutations: [Mutation] = [
    Mutation(
      name: "a changed line",
      text: Fixtures.changedLine, diff: Fixtures.changedLineDiff),
    Mutation(
      name: "a missing line (the step expects nothing)",
      text: Fixtures.replacing(14, with: []),
      diff: [
        "good.lab:13: output differs for 'lab> advance 31s'",
        "--- good.lab (expected)",
        "+++ actual",
        "@@ -13,0 +14,1 @@",
        "+now t=31s",
      ]),
    Mutation(
      name: "an extra line",
      text: Fixtures.inserting(["now t=32s"], after: 14),
      diff: [
        "good.lab:13: output differs for 'lab> advance 31s'",
        "--- good.lab (expected)",
        "+++ actual",
        "@@ -14,2 +14,1 @@",
        " now t=31s",
        "-now t=32s",
      ]),
  ]

  @Test("the recorded transcript replays green")
  func goodReplays() throws {
    let result = try Replay.run(Fixtures.good, path: "good.lab")
    #expect(result.passed)
    #expect(result.steps == 5)
    #expect(result.transcript.settings == SessionSettings())
  }

  @Test("an edited transcript fails with exactly this diff", arguments: mutations)
  func mutatedFails(_ mutation: Mutation) throws {
    let result = try Replay.run(mutation.text, path: "good.lab")
    #expect(!result.passed)
    #expect(result.failures.count == 1)
    let diff = Replay.diff(result, path: "good.lab")
    #expect(diff == mutation.diff, "\n\(diff.joined(separator: "\n"))")
  }

  @Test("update mode repairs an edited transcript so that it replays green", arguments: mutations)
  func updateRepairs(_ mutation: Mutation) throws {
    let result = try Replay.run(mutation.text, path: "good.lab")
    let repaired = Updater.repaired(result)
    let again = try Replay.run(repaired, path: "good.lab")
    #expect(again.passed, "\(Replay.diff(again, path: "good.lab").joined(separator: "\n"))")
    // Without wildcards, the repair gives back exactly the recording.
    #expect(repaired == Fixtures.good)
  }

  @Test("update keeps wildcard lines that still match and '...', and fixes the rest")
  func updateKeepsWildcards() throws {
    let wildcard = "t={{..}}  api  fail -> failure counted  [{{INT}}/3 failures within 60s]"
    let opened = "t=0ms  api  CLOSED -> OPEN  (3 failures within {{DURATION}})"
    var edited = Fixtures.lines
    edited[8] = wildcard  // line 9
    edited[9] = "t=0ms  api  fail -> WRONG"  // line 10
    edited[11] = opened  // line 12
    edited[13] = "now t=30s"  // line 14
    edited.replaceSubrange(15..<17, with: ["...", "t=31s  api  succeed -> WRONG"])  // 16, 17
    let result = try Replay.run(edited.joined(separator: "\n"), path: "w.lab")
    #expect(result.failures.map(\.step.line) == [8, 13, 15])
    // '...' shows once in the diff and counts as one line on both sides; a changed line right
    // after it shows as '-old' '+new' rather than vanishing into it; a later hunk can be
    // numbered for a file whose earlier hunks were already repaired (`shift`).
    let last = try #require(result.failures.last)
    #expect(
      DiffReport.lines(for: last, path: "w.lab", shift: 2) == [
        "w.lab:15: output differs for 'lab> succeed api'",
        "--- w.lab (expected)",
        "+++ actual",
        "@@ -16,3 +18,3 @@",
        " ...",
        "-t=31s  api  succeed -> WRONG",
        "+t=31s  api  succeed -> success counted",
        " t=31s  api  HALF_OPEN -> CLOSED  (trial call succeeded)",
      ])
    // The changed line after '...' is rewritten with what the lab printed, not dropped.
    var expected = Fixtures.lines
    expected[8] = wildcard
    expected[11] = opened
    expected.replaceSubrange(15..<17, with: ["...", Fixtures.lines[16]])
    let repaired = Updater.repaired(result)
    #expect(repaired == expected.joined(separator: "\n") + "\n", "\n\(repaired)")
    let again = try Replay.run(repaired, path: "w.lab")
    #expect(again.passed, "\(Replay.diff(again, path: "w.lab").joined(separator: "\n"))")
  }

  @Test("update leaves prose, comments and other blocks of a Markdown file alone")
  func updateMarkdown() throws {
    let text = """
      # A lesson

      Some prose.

      ```lab
      lab> breaker api threshold=3
      breaker api created: {{..}}
        {{..}}
      lab> fail api 3
      t=0ms  api  CLOSED -> OPEN
      ```

      More prose.

      ```lab fresh
      lab> stats
      error: no breakers yet
      ```
      """
    let result = try Replay.run(text, path: "lesson.md")
    #expect(result.failures.map(\.step.line) == [9, 16])
    let repaired = Updater.repaired(result)
    let repairedLines = repaired.split(separator: "\n", omittingEmptySubsequences: false)
    let originalLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(repairedLines.prefix(9) == originalLines.prefix(9))
    #expect(repaired.contains("```\n\nMore prose.\n\n```lab fresh\nlab> stats\n"))
    #expect(repaired.contains("t=0ms  api  CLOSED -> OPEN  (3 failures within 60s)\n```"))
    let again = try Replay.run(repaired, path: "lesson.md")
    #expect(again.passed, "\(Replay.diff(again, path: "lesson.md").joined(separator: "\n"))")
  }

  @Test("every step runs after a mismatch, so one run reports every difference")
  func reportsEveryDifference() throws {
    let text = Fixtures.good
      .replacingFirst("now t=31s", with: "now t=1s")
      .replacingFirst("api   CLOSED      4", with: "api   CLOSED      5")
    let result = try Replay.run(text, path: "two.lab")
    #expect(result.failures.map(\.step.input) == ["advance 31s", "stats"])
    #expect(result.steps == 5)
  }

  @Test("'fresh' starts a new session; 'no-compare' runs without comparing; 'skip' skips")
  func blockAttributes() throws {
    let text = """
      ```lab
      lab> breaker api
      breaker api created: {{..}}
        {{..}}
      lab> advance 5s
      now t=5s
      ```

      ```lab no-compare
      lab> advance 1s
      this is not what the lab prints
      ```

      ```lab skip
      lab> advance 1h
      ```

      ```lab
      lab> advance 1s
      now t=7s
      ```

      ```lab fresh seed=3
      lab> stats
      error: no breakers yet; create one with 'breaker NAME'
      lab> advance 1s
      now t=1s
      ```
      """
    let result = try Replay.run(text, path: "blocks.md")
    #expect(result.passed, "\(Replay.diff(result, path: "blocks.md").joined(separator: "\n"))")
    #expect(result.steps == 6)
  }
}

extension String {
  /// The text with the first occurrence of `target` replaced (unchanged when absent).
  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = firstRange(of: target) else { return self }
    var copy = self
    copy.replaceSubrange(range, with: replacement)
    return copy
  }
}
