import BreakerCore
import Simulation

extension CommandParser {
  /// Parses the commands that look at the world or set the session up.
  static func parseOther(_ verb: String, _ words: [String]) throws(CommandError) -> Command? {
    switch verb {
    case "show":
      return .show(names: try words.map { word throws(CommandError) in try name(word, verb: verb) })
    case "timeline":
      return .timeline(
        names: try words.map { word throws(CommandError) in try name(word, verb: verb) })
    case "window":
      guard words.count == 1 else { throw usageError(verb) }
      return .window(name: try name(words[0], verb: verb))
    case "stats", "log":
      guard words.count <= 1 else { throw usageError(verb) }
      let target = try words.first.map { word throws(CommandError) in try name(word, verb: verb) }
      return verb == "stats" ? .stats(name: target) : .log(name: target)
    case "compare":
      return try parseCompare(words)
    case "force":
      guard words.count == 2 else { throw usageError(verb) }
      let states: [String: BreakerState] = [
        "closed": .closed, "open": .open, "half-open": .halfOpen, "half_open": .halfOpen,
      ]
      guard let state = states[words[1].lowercased()] else {
        let hint = Suggestion.hint(
          for: words[1], in: ["closed", "open", "half-open"],
          otherwise: "states: closed, open, half-open")
        throw CommandError("unknown state '\(words[1])'\(hint)")
      }
      return .forceState(name: try name(words[0], verb: verb), state: state)
    case "mode":
      guard words.count == 2 else { throw usageError(verb) }
      guard let mode = BreakerMode(rawValue: words[1]) else {
        let modes = BreakerMode.allCases.map(\.rawValue)
        let hint = Suggestion.hint(
          for: words[1], in: modes, otherwise: "modes: \(modes.joined(separator: ", "))")
        throw CommandError("unknown mode '\(words[1])'\(hint)")
      }
      return .mode(name: try name(words[0], verb: verb), mode: mode)
    case "pool":
      guard words.count == 1 else { throw usageError(verb) }
      if words[0] == "off" { return .pool(nil) }
      guard let size = Int(words[0]), (1...100_000).contains(size) else {
        throw CommandError(
          "the pool size must be a whole number from 1 to 100000, or off; got '\(words[0])'")
      }
      return .pool(size)
    case "seed":
      guard words.count == 1, let seed = UInt64(words[0]) else {
        throw CommandError(
          "'seed' takes one whole number from 0 to \(UInt64.max); usage: seed N")
      }
      return .seed(seed)
    case "reset":
      guard words.isEmpty else { throw usageError(verb) }
      return .reset
    case "help":
      guard words.count <= 1 else { throw usageError(verb) }
      return .help(topic: words.first)
    case "quit", "exit":
      return .quit
    default:
      return nil
    }
  }

  private static func parseCompare(_ words: [String]) throws(CommandError) -> Command {
    var presets: [String] = []
    var settings: [Command.Setting] = []
    for word in words {
      if word.contains("=") {
        let (key, value) = try setting(word, verb: "compare")
        settings.append(Command.Setting(key: key, value: value))
      } else {
        guard Preset(rawValue: word) != nil else {
          let names = Preset.allCases.map(\.rawValue)
          let hint = Suggestion.hint(
            for: word, in: names, otherwise: "presets: " + names.joined(separator: ", "))
          throw CommandError("unknown preset '\(word)'\(hint)")
        }
        presets.append(word)
      }
    }
    guard (2...4).contains(presets.count) else {
      throw CommandError(
        "'compare' needs 2 to 4 presets; usage: " + usage("compare"))
    }
    return .compare(presets: presets, settings: settings)
  }

  static func usageError(_ verb: String) -> CommandError {
    CommandError("wrong arguments for '\(verb)'; usage: " + usage(verb))
  }
}
