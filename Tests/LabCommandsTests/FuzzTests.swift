import BreakerCore
import LabCommands
import Simulation
import Synchronization
import Testing

/// Random and mutated input never crashes the lab, never prints more than a one-line
/// diagnosis for a refused line, and never moves the clock backwards.
///
/// The lines come from a seeded generator (so any failure reproduces from its seed): valid
/// commands, then the same commands mutated (words dropped, swapped, duplicated, replaced by
/// extreme numbers, random bytes and Unicode). Long work is cut short the way Ctrl-C cuts it,
/// which also exercises interruption. `FUZZ_LINES` raises the count (a million in a release
/// build takes about a minute).
@Suite("Fuzzing the command language")
struct FuzzTests {
  static let corpus = [
    "breaker payments", "breaker payments like=opossum rate=25 volume=3",
    "breaker search like=pybreaker", "breaker ml like=resilience4j last=10 volume=5",
    "breaker p2 like=polly", "breaker g like=gobreaker", "breaker h like=hystrix",
    "service payments down latency=20ms", "service search hang", "service payments up",
    "service ml flaky 30%", "service cdn refuse", "service p2 slow 2s breaker=payments",
    "service other up breaker=none retries=2 fallback=on timeout=1s",
    "call payments 3", "call search", "call other 2 retries=1", "succeed payments 2",
    "fail payments 5", "ignore ml", "advance 30s", "advance 1y", "load payments 50/s for 2s",
    "load ml 10/s search 5/s for 1s poisson", "show", "show payments", "timeline",
    "timeline payments search", "window payments", "window ml", "stats", "stats other", "log",
    "compare lesson opossum", "force payments open", "force search half-open",
    "mode ml disabled", "mode ml normal", "pool 3", "pool off", "seed 7", "help", "help keys",
    "# a comment", "", "reset",
  ]
  static let oddities = [
    "0", "-1", "99999999999999999999", "1e9", "NaN", "1.5", "%", "=", "==", "x=", "=y",
    "like=", "ms", "1ms1ms", "999999999999999999h", "∞", "é", "🙂", "\u{0}", "\t", "{{..}}",
    "...", "lab>", "'", "\"", "\\", "/s", "0/s", "1000001/s", "for", "poisson", "y", "3000001y",
  ]

  static var lineCount: Int {
    getenv("FUZZ_LINES").flatMap { Int(String(cString: $0)) } ?? 20_000
  }

  @Test("random and mutated lines never crash the lab", arguments: [UInt64(1), 2, 3])
  func fuzz(seed: UInt64) {
    var random = SplitMix64(seed: seed)
    var lab = Lab(seed: seed)
    let polls = Atomic<Int>(0)
    lab.interrupted = { polls.add(1, ordering: .relaxed).newValue % 16 == 0 }
    var clock = lab.world.now
    for _ in 0..<(FuzzTests.lineCount / 3) {
      let line = FuzzTests.line(using: &random)
      let reply = lab.run(line)
      if let error = reply.error {
        #expect(!error.message.contains("\n"), "line '\(line)': \(error.message)")
        #expect(reply.lines.isEmpty, "a refused line printed output: '\(line)'")
      }
      let resets = line.split(whereSeparator: { $0 == " " || $0 == "\t" }) == ["reset"]
      #expect(
        resets || lab.world.now >= clock, "the clock went backwards after \(line.debugDescription)")
      if lab.world.now > DurationText.maximum / 2 { _ = lab.run("reset") }
      clock = lab.world.now
    }
  }

  /// A valid command, or a mutated one.
  static func line(using random: inout SplitMix64) -> String {
    var words = corpus[Int(random.next() % UInt64(corpus.count))]
      .split(separator: " ").map(String.init)
    let mutations = Int(random.next() % 4)
    for _ in 0..<mutations {
      let index = words.isEmpty ? 0 : Int(random.next() % UInt64(words.count))
      switch random.next() % 6 {
      case 0 where !words.isEmpty: words.remove(at: index)
      case 1: words.insert(oddities[Int(random.next() % UInt64(oddities.count))], at: index)
      case 2 where !words.isEmpty:
        words[index] = oddities[Int(random.next() % UInt64(oddities.count))]
      case 3 where !words.isEmpty: words.append(words[index])
      case 4:
        let bytes = (0..<Int(random.next() % 8)).map { _ in UInt8(random.next() % 256) }
        words.insert(String(decoding: bytes, as: UTF8.self), at: index)
      default:
        if words.count > 1 { words.swapAt(index, words.count - 1) }
      }
    }
    return words.joined(separator: " ")
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
