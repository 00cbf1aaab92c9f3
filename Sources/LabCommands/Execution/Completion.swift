import BreakerCore
import Simulation

/// Tab completion for the lab's command language: commands, breaker and service names,
/// configuration keys and their values, presets, states, help topics and file paths.
public struct Completion {
  /// Lists the entries of a directory (names only; directories end in `/`).
  public typealias DirectoryLister = (_ directory: String) -> [String]

  private let lister: DirectoryLister
  /// Commands of a layer above the lab (the course's `:` commands), and what `:goto` takes.
  private let extraCommands: [String]
  private let places: [String]

  /// Creates a completer that uses `lister` for file paths.
  /// - Parameters:
  ///   - extraCommands: More first words, such as `:next`.
  ///   - places: The arguments of `:goto` and `:start` (lesson and step ids).
  public init(
    lister: @escaping DirectoryLister = { _ in [] }, extraCommands: [String] = [],
    places: [String] = []
  ) {
    self.lister = lister
    self.extraCommands = extraCommands
    self.places = places
  }

  /// The candidates for the word that ends `lineBeforeCursor`, sorted, each a whole word.
  public func candidates(for lineBeforeCursor: String, in lab: Lab) -> [String] {
    candidates(
      for: lineBeforeCursor, breakers: lab.world.slots.map(\.name),
      services: lab.world.services.map(\.name))
  }

  /// The candidates given the names of the breakers and services that exist.
  public func candidates(
    for lineBeforeCursor: String, breakers: [String], services: [String]
  ) -> [String] {
    let words = lineBeforeCursor.split(separator: " ", omittingEmptySubsequences: false)
      .map(String.init)
    let word = words.last ?? ""
    let position = words.count - 1
    let verb = words.first ?? ""
    let options =
      position == 0
      ? commands
      : arguments(
        verb: verb, position: position, word: word, breakers: breakers, services: services)
    return options.filter { $0.hasPrefix(word) && $0 != word || $0 == word && options.count == 1 }
      .sorted()
  }

  private var commands: [String] {
    CommandSpec.all.map(\.name) + extraCommands
  }

  private func arguments(
    verb: String, position: Int, word: String, breakers: [String], services: [String]
  ) -> [String] {
    if word.contains("/") || word.hasPrefix(".") || word.hasPrefix("~") { return paths(word) }
    if let equals = word.firstIndex(of: "=") {
      return values(forKey: String(word[..<equals])).map { String(word[...equals]) + $0 }
    }
    switch verb {
    case "breaker":
      return position == 1
        ? breakers : ["like="] + ConfigurationKey.all.map { $0.name + "=" }
    case "service":
      if position == 1 { return services }
      if position == 2 { return ["up", "down", "hang", "slow", "flaky", "refuse"] }
      return ["latency=", "breaker=", "retries=", "fallback=", "timeout="]
    case "call", "load":
      return position == 1 || verb == "load"
        ? services + (verb == "load" ? ["for", "poisson"] : [])
        : ["retries=", "fallback="]
    case "succeed", "fail", "ignore", "window", "stats", "log":
      return position == 1 ? breakers : []
    case "show", "timeline":
      return breakers
    case "force":
      return position == 1 ? breakers : ["closed", "open", "half-open"]
    case "mode":
      return position == 1 ? breakers : BreakerMode.allCases.map(\.rawValue)
    case "compare":
      return Preset.allCases.map(\.rawValue) + ["rate=", "healthy=", "outage=", "recovery="]
    case "help":
      return position == 1 ? CommandSpec.all.map(\.name) + ["keys", "presets", "durations"] : []
    case "pool":
      return ["off"]
    case ":goto", ":start", ":forget":
      return position == 1 ? places : []
    default:
      return []
    }
  }

  private func values(forKey key: String) -> [String] {
    switch key {
    case "like": return Preset.allCases.map(\.rawValue)
    case "fallback": return ["on", "off"]
    case "breaker": return ["none"]
    default:
      guard let known = ConfigurationKey.named(key) else { return [] }
      let parts = known.values.split(separator: "|").map(String.init)
      return parts.allSatisfy({ !$0.contains(" ") && !$0.contains("..") }) ? parts : []
    }
  }

  private func paths(_ word: String) -> [String] {
    let directory: String
    if let slash = word.lastIndex(of: "/") {
      directory = String(word[...slash])
    } else {
      directory = ""
    }
    return lister(directory.isEmpty ? "." : directory).map { directory + $0 }
  }
}
