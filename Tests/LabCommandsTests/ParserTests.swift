import BreakerCore
import Simulation
import Testing

@testable import LabCommands

/// The command language: every form a learner may type parses to the right command, and every
/// malformed line is refused with one line that names the problem and the fix.
@Suite("Command parser")
struct ParserTests {
  /// A line and the command it must parse to.
  struct Form: Sendable, CustomTestStringConvertible {
    var line: String
    var command: Command

    init(_ line: String, _ command: Command) {
      self.line = line
      self.command = command
    }

    var testDescription: String { "'\(line)'" }
  }

  typealias Options = Command.ServiceOptions

  /// The largest duration accepted, as typed.
  static let longest = DurationText.format(DurationText.maximum)
  static let longestMillis = DurationText.maximum

  static func set(_ key: String, _ value: String) -> Command.Setting {
    Command.Setting(key: key, value: value)
  }

  static func target(_ service: String, _ rate: Double) -> Command.LoadTarget {
    Command.LoadTarget(service: service, rate: rate)
  }

  static let forms: [Form] = [
    Form("", .nothing),
    Form("   \t ", .nothing),
    Form("# a comment", .nothing),
    Form("#breaker payments", .nothing),
    Form("breaker payments", .breaker(name: "payments", settings: [])),
    Form(
      "breaker payments like=opossum rate=25",
      .breaker(name: "payments", settings: [set("like", "opossum"), set("rate", "25")])),
    Form(
      "  breaker\tpay_ments-2   threshold=3 ",
      .breaker(name: "pay_ments-2", settings: [set("threshold", "3")])),
    Form("service payments up", .service(name: "payments", mode: .up, options: Options())),
    Form("service payments down", .service(name: "payments", mode: .down, options: Options())),
    Form("service payments hang", .service(name: "payments", mode: .hang, options: Options())),
    Form(
      "service payments refuse", .service(name: "payments", mode: .refuse, options: Options())),
    Form(
      "service payments slow 2s",
      .service(name: "payments", mode: .slow(2000), options: Options())),
    Form(
      "service payments flaky 30%",
      .service(name: "payments", mode: .flaky(30), options: Options())),
    Form(
      "service payments flaky 12.5",
      .service(name: "payments", mode: .flaky(12.5), options: Options())),
    Form(
      "service payments down latency=20ms",
      .service(name: "payments", mode: .down, options: Options(latency: 20))),
    Form(
      "service reports up breaker=shared",
      .service(name: "reports", mode: .up, options: Options(breaker: .some("shared")))),
    Form(
      "service reports breaker=none",
      .service(name: "reports", mode: nil, options: Options(breaker: .some(nil)))),
    Form(
      "service api retries=2 fallback=on timeout=1s",
      .service(
        name: "api", mode: nil,
        options: Options(retries: 2, fallback: true, timeout: .some(1000)))),
    Form(
      "service api fallback=off timeout=off",
      .service(name: "api", mode: nil, options: Options(fallback: false, timeout: .some(nil)))),
    Form(
      "service api slow 1m30s latency=5ms retries=0",
      .service(name: "api", mode: .slow(90_000), options: Options(latency: 5, retries: 0))),
    Form("call payments", .call(name: "payments", count: 1, retries: nil)),
    Form("call payments 3", .call(name: "payments", count: 3, retries: nil)),
    Form("call payments 3 retries=2", .call(name: "payments", count: 3, retries: 2)),
    Form("call payments retries=0", .call(name: "payments", count: 1, retries: 0)),
    Form(
      "call payments 2 fallback=on",
      .call(name: "payments", count: 2, retries: nil, fallback: true)),
    Form(
      "call payments fallback=off retries=1",
      .call(name: "payments", count: 1, retries: 1, fallback: false)),
    Form("call payments 50000000", .call(name: "payments", count: 50_000_000, retries: nil)),
    Form("succeed payments", .force(outcome: .success, name: "payments", count: 1)),
    Form("fail payments 5", .force(outcome: .failure, name: "payments", count: 5)),
    Form("advance 250ms", .advance(250)),
    Form("advance 30s", .advance(30_000)),
    Form("advance 2m", .advance(120_000)),
    Form("advance 1m30s", .advance(90_000)),
    Form("advance 1h", .advance(3_600_000)),
    Form("advance 1d", .advance(86_400_000)),
    Form("advance 0ms", .advance(0)),
    Form("advance \(longest)", .advance(DurationText.maximum)),
    Form(
      "load payments 50/s for 1m",
      .load(targets: [target("payments", 50)], duration: 60_000, poisson: false)),
    Form(
      "load a 10/s b 2.5/s for 30s poisson",
      .load(targets: [target("a", 10), target("b", 2.5)], duration: 30_000, poisson: true)),
    Form(
      "load a 1000000/s for 1ms even",
      .load(targets: [target("a", 1_000_000)], duration: 1, poisson: false)),
    Form("show", .show(names: [])),
    Form("show a b", .show(names: ["a", "b"])),
    Form("timeline", .timeline(names: [])),
    Form("timeline payments", .timeline(names: ["payments"])),
    Form("window payments", .window(name: "payments")),
    Form("stats", .stats(name: nil)),
    Form("stats payments", .stats(name: "payments")),
    Form("log", .log(name: nil)),
    Form("log payments", .log(name: "payments")),
    Form("compare lesson opossum", .compare(presets: ["lesson", "opossum"], settings: [])),
    Form(
      "compare lesson opossum hystrix outage=30s",
      .compare(presets: ["lesson", "opossum", "hystrix"], settings: [set("outage", "30s")])),
    Form("force payments open", .forceState(name: "payments", state: .open)),
    Form("force payments closed", .forceState(name: "payments", state: .closed)),
    Form("force payments half-open", .forceState(name: "payments", state: .halfOpen)),
    Form("mode payments disabled", .mode(name: "payments", mode: .disabled)),
    Form("mode payments forced-open", .mode(name: "payments", mode: .forcedOpen)),
    Form("mode payments metrics-only", .mode(name: "payments", mode: .metricsOnly)),
    Form("mode payments normal", .mode(name: "payments", mode: .normal)),
    Form("pool 10", .pool(10)),
    Form("pool off", .pool(nil)),
    Form("seed 42", .seed(42)),
    Form("reset", .reset),
    Form("help", .help(topic: nil)),
    Form("help breaker", .help(topic: "breaker")),
    Form("quit", .quit),
    Form("exit", .quit),
  ]

  @Test("every command form parses to the right command", arguments: forms)
  func parses(_ form: Form) throws {
    #expect(try CommandParser.parse(form.line) == form.command)
  }

  /// A malformed line and its exact diagnostic.
  struct Malformed: Sendable, CustomTestStringConvertible {
    var line: String
    var message: String

    init(_ line: String, _ message: String) {
      self.line = line
      self.message = message
    }

    var testDescription: String { "'\(line)'" }
  }

  static let serviceUsage =
    "service NAME MODE [latency=DURATION] [breaker=NAME|none] [retries=N] [fallback=on|off] "
    + "[timeout=DURATION|off]"
  static let callUsage = "call NAME [COUNT] [retries=N] [fallback=on|off]"
  static let loadUsage = "load NAME RATE/s [NAME RATE/s ...] for DURATION [poisson]"
  static let notADuration = "is not a duration; use a number and a unit: 250ms, 30s, 2m, 1h, 1m30s"
  static let tooLong = "is too long; durations go up to about 3 million years (3000000y)"
  static let notARate =
    "is not a rate; write calls per second, above 0 and up to 1000000, such as 50/s"
  static let modes = "modes: up, down, hang, slow DURATION, flaky PERCENT, refuse"

  static let malformed: [Malformed] = [
    Malformed("brekaer payments", "unknown command 'brekaer'; did you mean 'breaker'?"),
    Malformed("servce payments up", "unknown command 'servce'; did you mean 'service'?"),
    Malformed("avdance 30s", "unknown command 'avdance'; did you mean 'advance'?"),
    Malformed("frobnicate", "unknown command 'frobnicate'; type 'help' for the list"),
    Malformed(
      "breaker", "'breaker' needs a name; usage: breaker NAME [like=PRESET] [KEY=VALUE ...]"),
    Malformed("service", "'service' needs a name; usage: " + serviceUsage),
    Malformed("call", "'call' needs a name; usage: " + callUsage),
    Malformed("fail", "'fail' needs a name; usage: fail NAME [COUNT]"),
    Malformed(
      "service 9lives up",
      "'9lives' is not a valid name; use up to 32 letters, digits, '-' or '_', starting with a "
        + "letter"),
    Malformed(
      "breaker pay.ments",
      "'pay.ments' is not a valid name; use up to 32 letters, digits, '-' or '_', starting "
        + "with a letter"),
    Malformed(
      "call payments 0",
      "COUNT must be a whole number from 1 to 50000000; got '0'; usage: " + callUsage),
    Malformed(
      "call payments -1",
      "COUNT must be a whole number from 1 to 50000000; got '-1'; usage: " + callUsage),
    Malformed(
      "call payments abc",
      "COUNT must be a whole number from 1 to 50000000; got 'abc'; usage: " + callUsage),
    Malformed(
      "call payments 99999999999",
      "COUNT must be a whole number from 1 to 50000000; got '99999999999'; usage: " + callUsage),
    Malformed(
      "call payments 50000001",
      "COUNT must be a whole number from 1 to 50000000; got '50000001'; usage: " + callUsage),
    Malformed(
      "fail payments 0",
      "COUNT must be a whole number from 1 to 50000000; got '0'; usage: fail NAME [COUNT]"),
    Malformed(
      "succeed payments 2 3", "too many words for 'succeed'; usage: succeed NAME [COUNT]"),
    Malformed(
      "call payments 2 tries=3", "unknown call setting 'tries'; did you mean 'retries'?"),
    Malformed(
      "call payments fallback=maybe", "'fallback' must be on or off; got 'maybe'"),
    Malformed(
      "call payments 2 colour=red", "unknown call setting 'colour'; usage: " + callUsage),
    Malformed(
      "call payments retries=101", "'retries' must be a whole number from 0 to 100; got '101'"),
    Malformed(
      "advance", "'advance' takes one duration; usage: advance DURATION (e.g. 30s)"),
    Malformed(
      "advance 1s 2s", "'advance' takes one duration; usage: advance DURATION (e.g. 30s)"),
    Malformed("advance 30", "'30' " + notADuration),
    Malformed("advance 30x", "'30x' " + notADuration),
    Malformed("advance -5s", "'-5s' " + notADuration),
    Malformed("advance 30m1h", "'30m1h' " + notADuration),
    Malformed("advance 999999999999999999h", "'999999999999999999h' " + tooLong),
    Malformed("advance \(longestMillis + 1)ms", "'\(longestMillis + 1)ms' " + tooLong),
    Malformed("advance \(longest)1ms", "'\(longest)1ms' " + tooLong),
    Malformed("load payments 50 for 10s", "'50' " + notARate),
    Malformed("load payments 50/m for 10s", "'50/m' " + notARate),
    Malformed("load payments 0/s for 10s", "'0/s' " + notARate),
    Malformed("load payments 1000001/s for 10s", "'1000001/s' " + notARate),
    Malformed("load payments 50/s", "'load' needs 'for DURATION'; usage: " + loadUsage),
    Malformed(
      "load payments 50/s for",
      "'load' needs a duration of at least 1ms after 'for', such as 30s; got nothing"),
    Malformed(
      "load payments 50/s for 0s",
      "'load' needs a duration of at least 1ms after 'for', such as 30s; got '0s'"),
    Malformed(
      "load payments 50/s for soon",
      "'load' needs a duration of at least 1ms after 'for', such as 30s; got 'soon'"),
    Malformed("load payments 50/s for 999999999999999999h", "'999999999999999999h' " + tooLong),
    Malformed(
      "load payments 50/s for 10s later",
      "unexpected 'later' after the duration; add 'poisson' or nothing"),
    Malformed(
      "load 50/s for 10s", "'load' needs NAME RATE/s pairs before 'for'; usage: " + loadUsage),
    Malformed(
      "service payments dwon", "unknown mode 'dwon'; did you mean 'down'?"),
    Malformed(
      "service payments slwo 2s", "unknown mode 'slwo'; did you mean 'slow'?"),
    Malformed("service payments sideways", "unknown mode 'sideways'; " + modes),
    Malformed(
      "service payments slow",
      "'slow' needs a duration such as 2s; got nothing; usage: " + serviceUsage),
    Malformed(
      "service payments slow fast",
      "'slow' needs a duration such as 2s; got 'fast'; usage: " + serviceUsage),
    Malformed(
      "service payments flaky",
      "'flaky' needs a percentage from 0 to 100 such as 30%; got nothing"),
    Malformed(
      "service payments flaky 130%",
      "'flaky' needs a percentage from 0 to 100 such as 30%; got '130%'"),
    Malformed(
      "service payments up latnecy=20ms",
      "unknown service setting 'latnecy'; did you mean 'latency'?"),
    Malformed(
      "service payments up latency=20", "'latency' must be a duration such as 50ms; got '20'"),
    Malformed(
      "service payments up retries=-1", "'retries' must be a whole number from 0 to 100; got '-1'"),
    Malformed(
      "service payments up fallback=maybe", "'fallback' must be on or off; got 'maybe'"),
    Malformed(
      "service payments up timeout=0ms",
      "'timeout' must be a duration from 1ms, or off; got '0ms'"),
    Malformed(
      "service payments up latency",
      "expected KEY=VALUE, got 'latency'; usage: " + serviceUsage),
    Malformed("service payments", "'service' needs a mode or a setting; usage: " + serviceUsage),
    Malformed(
      "force payments sideways", "unknown state 'sideways'; states: closed, open, half-open"),
    Malformed(
      "force payments", "wrong arguments for 'force'; usage: force NAME closed|open|half-open"),
    Malformed(
      "mode payments off",
      "unknown mode 'off'; modes: normal, forced-open, disabled, metrics-only"),
    Malformed(
      "pool 0", "the pool size must be a whole number from 1 to 100000, or off; got '0'"),
    Malformed(
      "seed -1", "'seed' takes one whole number from 0 to 18446744073709551615; usage: seed N"),
    Malformed("window", "wrong arguments for 'window'; usage: window NAME"),
    Malformed(
      "compare lesson opossom",
      "unknown preset 'opossom'; did you mean 'opossum'?"),
  ]

  @Test("every malformed line is refused with one line naming the problem", arguments: malformed)
  func refuses(_ example: Malformed) throws {
    let error = try #require(throws: CommandError.self) {
      try CommandParser.parse(example.line)
    }
    #expect(error.message == example.message)
    #expect(!error.message.contains("\n"))
  }

  @Test(
    "the did-you-mean hint names the closest command",
    arguments: [
      ("brekaer", "breaker"), ("breakr", "breaker"), ("cal", "call"), ("fial", "fail"),
      ("sucseed", "succeed"), ("lod", "load"), ("timelin", "timeline"), ("stast", "stats"),
    ])
  func suggestsTheClosestCommand(typed: String, meant: String) throws {
    let error = try #require(throws: CommandError.self) { try CommandParser.parse(typed) }
    #expect(error.message == "unknown command '\(typed)'; did you mean '\(meant)'?")
  }
}
