/// A transcript recorded from the lab, and edits of it, shared by the replay tests.
enum Fixtures {
  /// The recording with one output line of `fail api 3` changed (line 11).
  static let changedLine = replacing(
    11, with: ["t=0ms  api  fail -> failure counted  [3/3 failures within 60s]"])

  /// The exact report of ``changedLine``, numbered by the transcript's own lines.
  static let changedLineDiff = [
    "good.lab:8: output differs for 'lab> fail api 3'",
    "--- good.lab (expected)",
    "+++ actual",
    "@@ -9,4 +9,4 @@",
    " t=0ms  api  fail -> failure counted  [1/3 failures within 60s]",
    " t=0ms  api  fail -> failure counted  [2/3 failures within 60s]",
    "-t=0ms  api  fail -> failure counted  [3/3 failures within 60s]",
    "+t=0ms  api  fail -> failure counted",
    " t=0ms  api  CLOSED -> OPEN  (3 failures within 60s)",
  ]

  /// A recorded session: a breaker trips, waits, and closes after a trial (lines 1–21).
  static let good = """
    # Breaker Lab transcript: replay with 'breakerlab replay FILE'
    # seed: 0
    # width: 80
    # charset: ascii
    lab> breaker api threshold=3
    breaker api created: opens at 3 failures within 60s; waits 30s from the last
      failure; 1 trial [threshold=3]
    lab> fail api 3
    t=0ms  api  fail -> failure counted  [1/3 failures within 60s]
    t=0ms  api  fail -> failure counted  [2/3 failures within 60s]
    t=0ms  api  fail -> failure counted
    t=0ms  api  CLOSED -> OPEN  (3 failures within 60s)
    lab> advance 31s
    now t=31s
    lab> succeed api
    t=31s  api  OPEN -> HALF_OPEN  (waited 31s; next call is a trial)
    t=31s  api  succeed -> success counted
    t=31s  api  HALF_OPEN -> CLOSED  (trial call succeeded)
    lab> stats
    name   state  calls  ok  failed  fast-fails
    api   CLOSED      4   1       3           0

    """

  /// The lines of `good`, 1-based through `line(_:)`.
  static let lines = good.split(separator: "\n", omittingEmptySubsequences: false)
    .dropLast().map(String.init)

  /// Line `number` (1-based) of `good`.
  static func line(_ number: Int) -> String { lines[number - 1] }

  /// `good` with 1-based line `number` replaced by `replacement` (none: the line is removed).
  static func replacing(_ number: Int, with replacement: [String]) -> String {
    var edited = lines
    edited.replaceSubrange((number - 1)..<number, with: replacement)
    return edited.joined(separator: "\n") + "\n"
  }

  /// `good` with `inserted` placed after 1-based line `number`.
  static func inserting(_ inserted: [String], after number: Int) -> String {
    var edited = lines
    edited.insert(contentsOf: inserted, at: number)
    return edited.joined(separator: "\n") + "\n"
  }
}
