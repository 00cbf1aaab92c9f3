import Foundation
import LabTestSupport
import Testing

/// `breakerlab run FILE... [--seed N] [--trace OUT.jsonl]` as a learner runs it: the built
/// executable, real files, standard output and error, and exit statuses.
@Suite("breakerlab run, end to end")
struct RunScriptsTests {
  static let outage = """
    # An outage trips the lesson breaker; a trial 30s after the last failure closes it.
    breaker payments
    service payments down latency=100ms
    call payments 6
    advance 30s
    service payments up
    call payments 2
    # A flaky service under load: what happens depends on the seed.
    breaker search threshold=3 reset=1s
    service search flaky 50% latency=10ms
    load search 100/s for 2s

    """

  static let paymentsTransitions = [
    "t=500ms  payments  CLOSED -> OPEN  (5 failures within 60s)",
    "t=30s500ms  payments  OPEN -> HALF_OPEN  (waited 30s; next call is a trial)",
    "t=30s600ms  payments  HALF_OPEN -> CLOSED  (trial call succeeded)",
  ]

  @Test("run prints the expected transitions and exits 0")
  func printsTransitions() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    try lab.write("a.lab", Self.outage)
    let run = try lab.run(["run", "a.lab", "--seed", "3", "--trace", "t.jsonl"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let transitions = lines.filter { line in
      line.contains("  payments  ") && (line.contains("CLOSED -> ") || line.contains("OPEN -> "))
    }
    #expect(transitions == Self.paymentsTransitions)
    #expect(lines.contains("t=500ms  payments  call -> failure in 100ms"))
    #expect(lines.contains("load search 100/s for 2s: 200 requests"))
    #expect(lines.contains { $0.contains("  search  CLOSED -> OPEN  (3 failures within 60s)") })
  }

  @Test("the trace is valid JSON Lines with t_ms, breaker, event and result or from/to")
  func traceIsJSONLines() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    try lab.write("a.lab", Self.outage)
    let run = try lab.run(["run", "a.lab", "--seed", "3", "--trace", "t.jsonl"])
    #expect(run.status == 0)
    let text = String(decoding: try lab.read("t.jsonl"), as: UTF8.self)
    #expect(text.hasSuffix("}\n"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count > 200)
    var lastTime = 0
    var transitions: [String] = []
    for line in lines {
      let object = try #require(
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        "not a JSON object: \(line)")
      let time = try #require(object["t_ms"] as? Int, "\(line)")
      #expect(time >= lastTime, "time went back: \(line)")
      lastTime = time
      #expect(object.keys.contains("breaker"), "\(line)")
      switch object["event"] as? String {
      case "call":
        let result = try #require(object["result"] as? String, "\(line)")
        #expect(["success", "failure", "timeout", "rejected", "starved"].contains(result))
      case "transition":
        let from = try #require(object["from"] as? String, "\(line)")
        let to = try #require(object["to"] as? String, "\(line)")
        if object["breaker"] as? String == "payments" {
          transitions.append("\(time) \(from)->\(to)")
        }
      default:
        Issue.record("unknown event: \(line)")
      }
    }
    #expect(
      transitions == ["500 closed->open", "30500 open->half_open", "30600 half_open->closed"])
  }

  @Test("two runs with the same seed give byte-identical output and trace")
  func runsAreReproducible() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    try lab.write("a.lab", Self.outage)
    let first = try lab.run(["run", "a.lab", "--seed", "3", "--trace", "t1.jsonl"])
    let second = try lab.run(["run", "a.lab", "--seed", "3", "--trace", "t2.jsonl"])
    #expect(first.status == 0)
    #expect(first.stdoutData == second.stdoutData)
    #expect(try lab.read("t1.jsonl") == lab.read("t2.jsonl"))
    let other = try lab.run(["run", "a.lab", "--seed", "4", "--trace", "t3.jsonl"])
    #expect(other.status == 0)
    #expect(try lab.read("t1.jsonl") != lab.read("t3.jsonl"))
  }

  @Test("several files run in order, in one world")
  func severalFiles() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    try lab.write("one.lab", "breaker pay\nservice pay down latency=1s\n")
    try lab.write("two.lab", "call pay 5\r\nadvance 1s\r\n")
    let run = try lab.run(["run", "one.lab", "two.lab"])
    #expect(run.status == 0)
    #expect(run.stderr.isEmpty)
    #expect(run.stdout.contains("t=5s  pay  CLOSED -> OPEN  (5 failures within 60s)\n"))
    #expect(run.stdout.hasSuffix("now t=6s\n"))
  }

  @Test("a bad line stops the run with FILE:LINE: message on stderr and exit status 1")
  func badLine() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    try lab.write("good.lab", "breaker pay\n")
    try lab.write("bad.lab", "# comment\nservice pay up\nbrekaer pay\ncall pay\n")
    let run = try lab.run(["run", "good.lab", "bad.lab"])
    #expect(run.status == 1)
    #expect(run.stderr == "bad.lab:3: unknown command 'brekaer'; did you mean 'breaker'?\n")
    // The lines before the bad one ran; the ones after it did not.
    #expect(run.stdout.contains("service pay: up, latency 0ms, guarded by pay\n"))
    #expect(!run.stdout.contains("call ->"))
  }

  @Test(
    "refused lines name the file and line",
    arguments: [
      (
        "call pay 0",
        "COUNT must be a whole number from 1 to 50000000; got '0'; usage: "
          + "call NAME [COUNT] [retries=N] [fallback=on|off]"
      ),
      ("breaker pay threshold=0", "'threshold' must be 1..1000000; got '0'"),
      ("advance 30", "'30' is not a duration; use a number and a unit: 250ms, 30s, 2m, 1h, 1m30s"),
      ("call nosuch", "no service named 'nosuch'; create it with 'service nosuch up'"),
    ])
  func refusedLines(line: String, message: String) throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    try lab.write("s.lab", "breaker pay\n\n\(line)\n")
    let run = try lab.run(["run", "s.lab"])
    #expect(run.status == 1)
    #expect(run.stderr == "s.lab:3: \(message)\n")
  }

  @Test("a missing file gives exit status 2 and says why")
  func missingFile() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    let run = try lab.run(["run", "missing.lab"])
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr == "breakerlab: cannot open 'missing.lab': no such file or directory\n")
  }

  @Test("a trace file that cannot be written gives exit status 2")
  func unwritableTrace() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    try lab.write("a.lab", "breaker pay\n")
    let run = try lab.run(["run", "a.lab", "--trace", "no/such/folder/t.jsonl"])
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("breakerlab: cannot open 'no/such/folder/t.jsonl'"))
  }

  @Test("--help describes the tool and the run subcommand")
  func help() throws {
    let lab = try Breakerlab()
    defer { lab.cleanUp() }
    let top = try lab.run(["--help"])
    #expect(top.status == 0)
    #expect(top.stdout.contains("USAGE: breakerlab"))
    #expect(top.stdout.contains("run"))
    let run = try lab.run(["run", "--help"])
    #expect(run.status == 0)
    #expect(run.stdout.contains("--seed"))
    #expect(run.stdout.contains("--trace"))
  }
}
