import BreakerCore
import Simulation

/// Turns one line of text into a ``Command``, or a one-line diagnostic with the fix.
public enum CommandParser {
  /// Parses one line. Blank lines and lines starting with `#` are ``Command/nothing``.
  /// - Throws: ``CommandError`` naming what is wrong and the usage.
  public static func parse(_ line: String) throws(CommandError) -> Command {
    let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard let verb = words.first, !verb.hasPrefix("#") else { return .nothing }
    let arguments = Array(words.dropFirst())
    switch verb {
    case "breaker": return try parseBreaker(arguments)
    case "service": return try parseService(arguments)
    case "call": return try parseCall(arguments)
    case "succeed": return try parseForce(.success, arguments, verb: verb)
    case "fail": return try parseForce(.failure, arguments, verb: verb)
    case "ignore": return try parseForce(.ignored, arguments, verb: verb)
    case "advance": return try parseAdvance(arguments)
    case "load": return try parseLoad(arguments)
    default:
      if let command = try parseOther(verb, arguments) { return command }
      let hint = Suggestion.hint(
        for: verb, in: CommandSpec.all.map(\.name), otherwise: "type 'help' for the list")
      throw CommandError("unknown command '\(verb)'\(hint)")
    }
  }

  // MARK: - Commands

  private static func parseBreaker(_ words: [String]) throws(CommandError) -> Command {
    let name = try self.name(words.first, verb: "breaker")
    var settings: [Command.Setting] = []
    for word in words.dropFirst() {
      let (key, value) = try setting(word, verb: "breaker")
      settings.append(Command.Setting(key: key, value: value))
    }
    return .breaker(name: name, settings: settings)
  }

  private static func parseService(_ words: [String]) throws(CommandError) -> Command {
    let name = try self.name(words.first, verb: "service")
    var rest = Array(words.dropFirst())
    var mode: FaultMode?
    if let first = rest.first, !first.contains("=") {
      rest.removeFirst()
      switch first {
      case "up": mode = .up
      case "down": mode = .down
      case "hang": mode = .hang
      case "refuse": mode = .refuse
      case "slow":
        guard let text = rest.first, let delay = DurationText.parse(text), delay >= 0 else {
          throw CommandError(
            "'slow' needs a duration such as 2s; got \(quoted(rest.first)); usage: "
              + usage("service"))
        }
        rest.removeFirst()
        mode = .slow(delay)
      case "flaky":
        guard let text = rest.first, let percent = PercentText.parse(text) else {
          throw CommandError(
            "'flaky' needs a percentage from 0 to 100 such as 30%; got \(quoted(rest.first))")
        }
        rest.removeFirst()
        mode = .flaky(percent)
      default:
        let modes = ["up", "down", "hang", "slow", "flaky", "refuse"]
        let hint = Suggestion.hint(
          for: first, in: modes,
          otherwise: "modes: up, down, hang, slow DURATION, flaky PERCENT, refuse")
        throw CommandError("unknown mode '\(first)'\(hint)")
      }
    }
    var options = Command.ServiceOptions()
    for word in rest {
      let (key, value) = try setting(word, verb: "service")
      try apply(key, value, to: &options)
    }
    if mode == nil, options == Command.ServiceOptions() {
      throw CommandError("'service' needs a mode or a setting; usage: " + usage("service"))
    }
    return .service(name: name, mode: mode, options: options)
  }

  private static func apply(
    _ key: String, _ value: String, to options: inout Command.ServiceOptions
  ) throws(CommandError) {
    switch key {
    case "latency":
      guard let latency = DurationText.parse(value) else {
        throw CommandError("'latency' must be a duration such as 50ms; got '\(value)'")
      }
      options.latency = latency
    case "breaker":
      options.breaker = .some(value == "none" ? nil : value)
    case "retries":
      guard let retries = Int(value), (0...100).contains(retries) else {
        throw CommandError("'retries' must be a whole number from 0 to 100; got '\(value)'")
      }
      options.retries = retries
    case "fallback":
      guard let on = flag(value) else {
        throw CommandError("'fallback' must be on or off; got '\(value)'")
      }
      options.fallback = on
    case "timeout":
      if value == "off" {
        options.timeout = .some(nil)
      } else if let timeout = DurationText.parse(value), timeout >= 1 {
        options.timeout = .some(timeout)
      } else {
        throw CommandError("'timeout' must be a duration from 1ms, or off; got '\(value)'")
      }
    default:
      let keys = ["latency", "breaker", "retries", "fallback", "timeout"]
      let hint = Suggestion.hint(
        for: key, in: keys, otherwise: "settings: \(keys.joined(separator: ", "))")
      throw CommandError("unknown service setting '\(key)'\(hint)")
    }
  }

  private static func parseCall(_ words: [String]) throws(CommandError) -> Command {
    let name = try self.name(words.first, verb: "call")
    var count = 1
    var retries: Int?
    var fallback: Bool?
    for word in words.dropFirst() {
      if word.contains("=") {
        let (key, value) = try setting(word, verb: "call")
        switch key {
        case "retries":
          guard let number = Int(value), (0...100).contains(number) else {
            throw CommandError("'retries' must be a whole number from 0 to 100; got '\(value)'")
          }
          retries = number
        case "fallback":
          guard let on = flag(value) else {
            throw CommandError("'fallback' must be on or off; got '\(value)'")
          }
          fallback = on
        default:
          let hint = Suggestion.hint(
            for: key, in: ["retries", "fallback"], otherwise: "usage: " + usage("call"))
          throw CommandError("unknown call setting '\(key)'\(hint)")
        }
      } else {
        count = try self.count(word, verb: "call")
      }
    }
    return .call(name: name, count: count, retries: retries, fallback: fallback)
  }

  private static func parseForce(
    _ outcome: Outcome, _ words: [String], verb: String
  ) throws(CommandError) -> Command {
    let name = try self.name(words.first, verb: verb)
    guard words.count <= 2 else {
      throw CommandError("too many words for '\(verb)'; usage: " + usage(verb))
    }
    let count = try words.count == 2 ? self.count(words[1], verb: verb) : 1
    return .force(outcome: outcome, name: name, count: count)
  }

  private static func parseAdvance(_ words: [String]) throws(CommandError) -> Command {
    guard words.count == 1 else {
      throw CommandError("'advance' takes one duration; usage: advance DURATION (e.g. 30s)")
    }
    guard let duration = DurationText.parse(words[0]) else {
      if let error = tooLong(words[0]) { throw error }
      throw CommandError(
        "'\(words[0])' is not a duration; use a number and a unit: 250ms, 30s, 2m, 1h, 1m30s")
    }
    return .advance(duration)
  }

  /// The diagnostic for a well-formed duration above ``DurationText/maximum``, if `word` is one.
  static func tooLong(_ word: String) -> CommandError? {
    // Same units with every number made 1: if that parses, only the size was wrong.
    var shape = ""
    for character in word {
      let isDigit = character.isASCII && character.isNumber
      if !isDigit || !(shape.last?.isNumber ?? false) { shape.append(isDigit ? "1" : character) }
    }
    guard DurationText.parse(word) == nil, DurationText.parse(shape) != nil else { return nil }
    return CommandError(
      "'\(word)' is too long; durations go up to about 3 million years (3000000y)")
  }

  private static func parseLoad(_ words: [String]) throws(CommandError) -> Command {
    guard let forIndex = words.firstIndex(of: "for") else {
      throw CommandError("'load' needs 'for DURATION'; usage: " + usage("load"))
    }
    let pairs = Array(words[..<forIndex])
    guard !pairs.isEmpty, pairs.count.isMultiple(of: 2) else {
      throw CommandError("'load' needs NAME RATE/s pairs before 'for'; usage: " + usage("load"))
    }
    var targets: [Command.LoadTarget] = []
    for pair in stride(from: 0, to: pairs.count, by: 2) {
      let name = try self.name(pairs[pair], verb: "load")
      targets.append(Command.LoadTarget(service: name, rate: try rate(pairs[pair + 1])))
    }
    let rest = words[(forIndex + 1)...]
    guard let durationText = rest.first, let duration = DurationText.parse(durationText),
      duration >= 1
    else {
      if let error = rest.first.flatMap(tooLong) { throw error }
      throw CommandError(
        "'load' needs a duration of at least 1ms after 'for', such as 30s; got "
          + quoted(rest.first))
    }
    var poisson = false
    for word in rest.dropFirst() {
      guard word == "poisson" || word == "even" else {
        throw CommandError("unexpected '\(word)' after the duration; add 'poisson' or nothing")
      }
      poisson = word == "poisson"
    }
    return .load(targets: targets, duration: duration, poisson: poisson)
  }

  // MARK: - Words

  static func name(_ word: String?, verb: String) throws(CommandError) -> String {
    guard let word else {
      throw CommandError("'\(verb)' needs a name; usage: " + usage(verb))
    }
    guard let first = word.first, first.isASCII, first.isLetter, word.count <= 32,
      word.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    else {
      throw CommandError(
        "'\(word)' is not a valid name; use up to 32 letters, digits, '-' or '_', "
          + "starting with a letter")
    }
    return word
  }

  static func count(_ word: String, verb: String) throws(CommandError) -> Int {
    guard let count = Int(word), count >= 1, Int64(count) <= World.callLimit else {
      throw CommandError(
        "COUNT must be a whole number from 1 to \(World.callLimit); got '\(word)'; usage: "
          + usage(verb))
    }
    return count
  }

  static func rate(_ word: String) throws(CommandError) -> Double {
    let body = word.hasSuffix("/s") ? word.dropLast(2) : Substring(word)
    guard word.hasSuffix("/s"), body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
      let rate = Double(body), rate > 0, rate <= 1_000_000
    else {
      throw CommandError(
        "'\(word)' is not a rate; write calls per second, above 0 and up to 1000000, such as "
          + "50/s")
    }
    return rate
  }

  static func setting(_ word: String, verb: String) throws(CommandError) -> (String, String) {
    let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
      throw CommandError("expected KEY=VALUE, got '\(word)'; usage: " + usage(verb))
    }
    return (String(parts[0]), String(parts[1]))
  }

  static func flag(_ value: String) -> Bool? {
    switch value {
    case "on", "yes", "true": true
    case "off", "no", "false": false
    default: nil
    }
  }

  static func usage(_ verb: String) -> String { CommandSpec.named(verb)?.usage ?? verb }

  private static func quoted(_ word: String?) -> String { word.map { "'\($0)'" } ?? "nothing" }
}
