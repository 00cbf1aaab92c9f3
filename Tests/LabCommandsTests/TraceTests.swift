import BreakerCore
import Foundation
import Simulation
import Testing

@testable import LabCommands

/// The JSON Lines trace: one object per event with a fixed key order, and the same commands
/// and seed always give the same trace, byte for byte.
@Suite("JSON Lines trace")
struct TraceTests {
  static let script = [
    "breaker pay like=lesson threshold=3 reset=2s",
    "service pay flaky 40% latency=25ms retries=1 fallback=on",
    "service inv flaky 20% latency=10ms",
    "call pay 20",
    "load pay 30/s inv 10/s for 20s poisson",
    "advance 3s",
    "load pay 50/s for 5s",
  ]

  /// The trace of the script in a lab seeded with `seed`.
  static func trace(seed: UInt64) -> [String] {
    var lab = Lab(seed: seed)
    let trace = MemoryTrace()
    lab.trace = trace
    for line in script {
      #expect(lab.run(line).error == nil, "\(line)")
    }
    return trace.lines
  }

  @Test("the same commands and seed give the same trace, byte for byte")
  func sameSeedSameTrace() {
    let first = Self.trace(seed: 3)
    #expect(first.count > 500)
    #expect(first == Self.trace(seed: 3))
  }

  @Test("a different seed changes a flaky run's trace")
  func otherSeedOtherTrace() {
    #expect(Self.trace(seed: 3) != Self.trace(seed: 4))
  }

  @Test("every trace line is a JSON object with the documented keys")
  func linesAreJSONObjects() throws {
    for line in Self.trace(seed: 5) {
      let data = Data(line.utf8)
      let object = try #require(
        try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(line)")
      #expect(object["t_ms"] is Int, "\(line)")
      #expect(object["breaker"] != nil, "\(line)")
      switch object["event"] as? String {
      case "call":
        #expect(object["result"] is String, "\(line)")
        #expect(object["service"] is String, "\(line)")
        #expect(object["attempt"] is Int, "\(line)")
      case "transition":
        #expect(object["from"] is String, "\(line)")
        #expect(object["to"] is String, "\(line)")
        #expect(object["reason"] is String, "\(line)")
      default:
        Issue.record("unknown event in \(line)")
      }
    }
  }

  @Test("calls and transitions have a fixed key order")
  func exactLines() {
    var lab = Lab()
    let trace = MemoryTrace()
    lab.trace = trace
    for line in [
      "breaker api threshold=1", "service api down latency=5ms fallback=on", "call api 2",
      "service plain up latency=1s", "call plain",
    ] {
      _ = lab.run(line)
    }
    #expect(
      trace.lines == [
        #"{"t_ms":5,"breaker":"api","service":"api","event":"call","result":"failure","#
          + #""attempt":1,"fallback":true}"#,
        #"{"t_ms":5,"breaker":"api","event":"transition","from":"closed","to":"open","#
          + #""reason":"1 failure within 60s"}"#,
        #"{"t_ms":5,"breaker":"api","service":"api","event":"call","result":"rejected","#
          + #""attempt":1,"fallback":true}"#,
        #"{"t_ms":1005,"breaker":null,"service":"plain","event":"call","result":"success","#
          + #""attempt":1}"#,
      ])
  }

  @Test("JSON strings escape quotes, backslashes and control characters")
  func quoting() throws {
    let text = "a\"b\\c\nd\te\u{1}f\u{e9}"
    let quoted = TraceFormat.quote(text)
    #expect(quoted == #""a\"b\\c\nd\te\u0001f"# + "\u{e9}\"")
    let decoded = try JSONSerialization.jsonObject(
      with: Data(quoted.utf8), options: .fragmentsAllowed)
    #expect(decoded as? String == text)
  }

  @Test("a refused command writes nothing to the trace")
  func refusedCommandWritesNothing() {
    var lab = Lab()
    let trace = MemoryTrace()
    lab.trace = trace
    _ = lab.run("service api up")
    for line in ["call api 0", "load api 1000000/s for 1h", "call nosuch", "advance 30"] {
      #expect(lab.run(line).error != nil)
    }
    #expect(trace.lines.isEmpty)
  }
}
