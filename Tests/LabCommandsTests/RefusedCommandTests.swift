import BreakerCore
import Simulation
import Testing

@testable import LabCommands

/// A refused line, whether the parser or the world refuses it, prints nothing, gives one line
/// of diagnosis and leaves the world exactly as it was.
@Suite("Refused commands change nothing")
struct RefusedCommandTests {
  /// A lab with some history: a breaker with failures counted, an open breaker with calls in
  /// flight behind a hanging service, an unprotected service, and time that has passed.
  static func busyLab() throws -> Lab {
    var lab = Lab(seed: 7)
    let setup = [
      "breaker payments", "service payments up latency=10ms", "fail payments 2",
      "breaker search like=opossum", "service search hang", "load search 2/s for 3s",
      "service plain flaky 50%", "call plain 4", "pool 50", "advance 1s",
    ]
    for line in setup {
      let reply = lab.run(line)
      try #require(reply.error == nil, "\(line): \(reply.error?.message ?? "")")
    }
    return lab
  }

  /// Lines the parser refuses, and lines the world refuses after parsing.
  static let refused = [
    "brekaer payments",
    "breaker",
    "call payments 0",
    "call payments -1",
    "call payments abc",
    "call payments 99999999999",
    "advance 30",
    "advance 999999999999999999h",
    "load payments 50 for 10s",
    "load payments 50/m for 10s",
    "service payments dwon",
    "service payments up latnecy=20ms",
    "breaker payments like=opossom",
    "breaker payments thresold=3",
    "breaker payments threshold=0",
    "breaker payments like=opossum rate=101",
    "breaker payments like=opossum buckets=0",
    "breaker payments like=opossum rolling=10ms buckets=20",
    "breaker payments like=opossum last=10",
    "breaker search threshold=3",
    "breaker brand-new threshold=0",
    "service payments up breaker=sahred",
    "service brand-new up breaker=sahred",
    "call nosuch",
    "fail nosuch 3",
    "load payments 50/s nosuch 5/s for 10s",
    "load payments 1000000/s for 1h",
    "load payments 10000/s plain 10000/s for 1h",
    "force nosuch open",
    "mode nosuch disabled",
    "pool 2",
    "window nosuch",
    "stats nosuch",
  ]

  @Test(
    "a refused line prints nothing, explains itself in one line and changes nothing",
    arguments: refused)
  func refusedLineChangesNothing(line: String) throws {
    var lab = try Self.busyLab()
    let before = LabSnapshot(lab)
    let reply = lab.run(line)
    let error = try #require(reply.error)
    #expect(reply.lines.isEmpty)
    #expect(!error.message.isEmpty)
    #expect(!error.message.contains("\n"))
    #expect(LabSnapshot(lab) == before)
    // The lab still works afterwards, from where it was.
    #expect(lab.run("advance 1ms").lines.last == "now t=4s1ms")
  }

  /// A line the world refuses and its exact diagnostic.
  static let worldMessages: [(String, String)] = [
    (
      "breaker payments like=opossom",
      "unknown preset 'opossom'; did you mean 'opossum'?"
    ),
    ("breaker payments thresold=3", "unknown key 'thresold'; did you mean 'threshold'?"),
    ("breaker payments threshold=0", "'threshold' must be 1..1000000; got '0'"),
    (
      "breaker payments like=opossum rate=101",
      "'rate' must be 0..100 (a percentage, e.g. 50 or 50%); got '101'"
    ),
    ("breaker payments like=opossum buckets=0", "'buckets' must be 1..10000; got '0'"),
    (
      "breaker payments like=opossum rolling=10ms buckets=20",
      "'buckets' must be at most the milliseconds in 'rolling' (10); got 20"
    ),
    (
      "breaker search threshold=3",
      "breaker 'search' has 6 call(s) in flight; advance until they end, or 'reset' the world, "
        + "before reconfiguring it"
    ),
    ("call nosuch", "no service named 'nosuch'; create it with 'service nosuch up'"),
    ("call paymnts", "no service named 'paymnts'; did you mean 'payments'?"),
    ("fail nosuch 3", "no breaker named 'nosuch'; create it with 'breaker nosuch'"),
    (
      "load payments 1000000/s for 1h",
      "that load would simulate about 3600000000 calls; the limit is 50000000 per command "
        + "(lower the rate or the duration)"
    ),
    ("pool 2", "6 workers are busy now; choose at least 6 or 'reset' first"),
  ]

  @Test("the world's diagnostics name the problem and the fix", arguments: worldMessages)
  func worldDiagnostics(line: String, message: String) throws {
    var lab = try Self.busyLab()
    #expect(lab.run(line).error?.message == message)
  }
}
