import Foundation
import LabTestSupport
import Testing
import Transcripts

/// `breakerlab replay`, `demo --asciicast` and `--record` on the built executable, with
/// real files, output streams and exit statuses.
@Suite("breakerlab replay, demo and record, end to end")
struct BinaryTests {
  /// The first mutation of the replay tests: one changed line in `fail api 3`.
  static let mutated = Fixtures.changedLine

  @Test("replay of a good transcript exits 0 and ends with '1 passed, 0 failed'")
  func replayGood() throws {
    let lab = try Binary()
    defer { lab.cleanUp() }
    try lab.write("good.lab", Fixtures.good)
    let run = try lab.run(["replay", "good.lab"])
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    #expect(run.lines.last == "1 passed, 0 failed")
  }

  @Test("replay of a mutated transcript exits 1 with the unified diff on standard output")
  func replayMutated() throws {
    let lab = try Binary()
    defer { lab.cleanUp() }
    try lab.write("good.lab", Self.mutated)
    let run = try lab.run(["replay", "good.lab"])
    #expect(run.status == 1)
    #expect(
      run.lines == Fixtures.changedLineDiff + [
        "0 passed, 1 failed"
      ])
  }

  @Test("replay of a malformed transcript exits 2 with FILE:LINE: message")
  func replayMalformed() throws {
    let lab = try Binary()
    defer { lab.cleanUp() }
    try lab.write("bad.lab", "# seed: 1\nbreaker api created\nlab> stats\n")
    let run = try lab.run(["replay", "bad.lab"])
    #expect(run.status == 2)
    let message = "bad.lab:2: output before the first input"
    #expect((run.stdout + run.stderr).contains(message), "\(run.stdout)\(run.stderr)")
  }

  @Test("replay --update rewrites a mutated transcript, which then passes")
  func update() throws {
    let lab = try Binary()
    defer { lab.cleanUp() }
    try lab.write("good.lab", Self.mutated)
    let updated = try lab.run(["replay", "--update", "good.lab"])
    #expect(updated.status == 0, "\(updated.stdout)\(updated.stderr)")
    #expect(updated.lines.contains("updated good.lab"))
    #expect(String(decoding: try lab.read("good.lab"), as: UTF8.self) == Fixtures.good)
    let again = try lab.run(["replay", "good.lab"])
    #expect(again.status == 0)
    #expect(again.lines.last == "1 passed, 0 failed")
  }

  @Test("replay --update is refused with CI set, and the file is left untouched")
  func updateRefusedOnCI() throws {
    let lab = try Binary()
    defer { lab.cleanUp() }
    try lab.write("good.lab", Self.mutated)
    let run = try lab.run(["replay", "--update", "good.lab"], environment: ["CI": "1"])
    #expect(run.status == 2)
    #expect(run.stderr.contains("--update is refused when CI is set"))
    #expect(String(decoding: try lab.read("good.lab"), as: UTF8.self) == Self.mutated)
  }

  @Test("demo --asciicast writes a valid, deterministic asciicast v2")
  func asciicast() throws {
    let lab = try Binary()
    defer { lab.cleanUp() }
    try lab.write("good.lab", Fixtures.good)
    let once = try lab.run(["demo", "good.lab", "--asciicast", "one.cast"])
    #expect(once.status == 0, "\(once.stdout)\(once.stderr)")
    let twice = try lab.run(["demo", "good.lab", "--asciicast", "two.cast"])
    #expect(twice.status == 0)
    let data = try lab.read("one.cast")
    #expect(data == (try lab.read("two.cast")), "two runs must write the same bytes")
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    let first = try #require(lines.first)
    let object = try JSONSerialization.jsonObject(with: Data(first.utf8))
    let header = try #require(object as? [String: Any], "\(first)")
    #expect(header["version"] as? Int == 2)
    #expect(header["width"] as? Int == 80)
    var last = 0.0
    var printed = ""
    for line in lines.dropFirst() {
      let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
      let event = try #require(parsed as? [Any], "\(line)")
      #expect(event.count == 3, "\(line)")
      let time = try #require((event.first as? NSNumber)?.doubleValue, "\(line)")
      #expect(time >= last, "time goes backwards at \(line)")
      last = time
      #expect(event[1] as? String == "o", "\(line)")
      printed += try #require(event[2] as? String, "\(line)")
    }
    #expect(lines.count > 1)
    #expect(printed.contains("t=0ms lab> fail api 3\r\n"))
    #expect(printed.contains("t=0ms  api  CLOSED -> OPEN  (3 failures within 60s)\r\n"))
  }

  @Test("--record with piped input writes a transcript that replay passes")
  func record() throws {
    let lab = try Binary()
    defer { lab.cleanUp() }
    let input = """
      breaker api threshold=2 reset=10s
      service api down latency=200ms
      call api 3
      call nosuch
      breaker {{x
      advance 10s
      service api up
      call api
      stats
      log

      """
    let run = try lab.run(["--record", "rec.lab", "--ascii"], input: input)
    // A refused line makes a piped session exit 1, after recording everything.
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    let recorded = String(decoding: try lab.read("rec.lab"), as: UTF8.self)
    #expect(recorded.hasPrefix(TranscriptWriter.header(SessionSettings()).joined(separator: "\n")))
    #expect(recorded.contains("lab> call nosuch\nerror: "))
    let replay = try lab.run(["replay", "rec.lab"])
    #expect(replay.status == 0, "\(replay.stdout)")
    #expect(replay.lines.last == "1 passed, 0 failed")
  }
}
