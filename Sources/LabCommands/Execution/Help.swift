import BreakerCore

/// The text of `help`: the command list, one command's usage, the keys and the presets.
enum Help {
  /// The lines for `help` with an optional topic.
  /// - Throws: ``CommandError`` for an unknown topic, with the closest match.
  static func lines(for topic: String?) throws(CommandError) -> [String] {
    guard let topic else { return overview }
    switch topic {
    case "keys": return keys
    case "presets": return presets
    case "durations": return durations
    default:
      if let key = ConfigurationKey.named(topic) {
        return [
          "breaker setting \(key.name)=VALUE: \(key.summary)", "  values: \(key.values)",
          "example: breaker payments \(key.name)=\(key.value(in: Preset.lesson.configuration))",
        ]
      }
      guard let spec = CommandSpec.named(topic) else {
        let topics = CommandSpec.all.map(\.name) + ["keys", "presets", "durations"]
        let hint = Suggestion.hint(for: topic, in: topics, otherwise: "'help' lists the topics")
        throw CommandError("no help on '\(topic)'\(hint)")
      }
      var lines = ["usage: \(spec.usage)", "  \(spec.summary)", "example: \(spec.example)"]
      if spec.name == "breaker" { lines += ["see also: help keys, help presets"] }
      return lines
    }
  }

  static var overview: [String] {
    let width = (CommandSpec.all.map(\.name.count).max() ?? 0) + 2
    var lines = ["commands (help COMMAND for usage and an example):"]
    for spec in CommandSpec.all {
      lines.append(
        "  " + spec.name + String(repeating: " ", count: width - spec.name.count) + spec.summary)
    }
    lines += [
      "more: help keys (breaker settings), help presets, help durations",
      "lines starting with # are comments; Tab completes; Ctrl-C stops a long command",
      "the course: ':help' lists its commands (':start' begins); 'quit' or 'exit' leaves",
    ]
    return lines
  }

  static var keys: [String] {
    let width = (ConfigurationKey.all.map(\.name.count).max() ?? 0) + 2
    var lines = ["breaker settings (breaker NAME KEY=VALUE ...; like=PRESET first):"]
    for key in ConfigurationKey.all {
      lines.append(
        "  " + key.name + String(repeating: " ", count: width - key.name.count) + key.summary)
      lines.append("  " + String(repeating: " ", count: width) + "values: " + key.values)
    }
    return lines
  }

  static var presets: [String] {
    let width = (Preset.allCases.map(\.rawValue.count).max() ?? 0) + 2
    return ["presets (breaker NAME like=PRESET):"]
      + Preset.allCases.map {
        "  " + $0.rawValue + String(repeating: " ", count: width - $0.rawValue.count)
          + $0.summary
      }
  }

  static let durations = [
    "durations: a number and a unit, larger units first: 250ms, 30s, 2m, 1h, 1m30s, 1d, 10y",
    "percentages: 50 or 50%; rates: 50/s",
  ]
}
