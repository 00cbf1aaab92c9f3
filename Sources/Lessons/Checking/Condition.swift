import BreakerCore
import LabCommands
import Simulation
import Transcripts

/// A condition on a world, for `goal` (drive) and `require` (tune) lines.
public enum Condition: Sendable, Equatable {
  public enum Comparison: String, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", atLeast = ">=", atMost = "<=", more = ">", less = "<"

    func holds(_ left: Int64, _ right: Int64) -> Bool {
      switch self {
      case .equal: left == right
      case .notEqual: left != right
      case .atLeast: left >= right
      case .atMost: left <= right
      case .more: left > right
      case .less: left < right
      }
    }
  }

  public enum Counter: String, Sendable, CaseIterable {
    case calls, successes, failures, timeouts, rejections, fallbacks
  }

  case state(String, BreakerState)
  case moved(String, to: BreakerState)
  case neverOpened(String)
  case counter(String, Counter, Comparison, Int64)
  case starved(Comparison, Int64)
  case elapsed(Comparison, Milliseconds)
  case staysClosed(String, until: Milliseconds)
  case openBy(String, Milliseconds)
  case closedBy(String, Milliseconds)

  /// Reads a condition line.
  /// - Throws: A message saying what forms are allowed.
  public static func parse(_ text: String) throws(LessonError) -> Condition {
    let words = text.split(separator: " ").map(String.init)
    func fail() -> LessonError {
      LessonError(path: "", line: 0, message: "cannot read the condition '\(text)'")
    }
    switch words.count {
    case 2:
      let moves: [String: BreakerState] = [
        "opened": .open, "closed": .closed, "half-opened": .halfOpen,
      ]
      guard let state = moves[words[1]] else { throw fail() }
      return .moved(words[0], to: state)
    case 3:
      if words[1] == "never", words[2] == "opened" { return .neverOpened(words[0]) }
      guard let comparison = Comparison(rawValue: words[1]) else { throw fail() }
      if words[0] == "starved", let value = Int64(words[2]) { return .starved(comparison, value) }
      if words[0] == "elapsed", let value = DurationText.parse(words[2]) {
        return .elapsed(comparison, value)
      }
      throw fail()
    case 4:
      if words[0] == "state", words[2] == "is", let state = stateNamed(words[3]) {
        return .state(words[1], state)
      }
      if words[2] == "by", let time = DurationText.parse(words[3]) {
        if stateNamed(words[1]) == .open { return .openBy(words[0], time) }
        if stateNamed(words[1]) == .closed { return .closedBy(words[0], time) }
      }
      if let counter = Counter(rawValue: words[1]), let comparison = Comparison(rawValue: words[2]),
        let value = Int64(words[3])
      {
        return .counter(words[0], counter, comparison, value)
      }
      throw fail()
    case 5:
      guard words[1] == "stays", stateNamed(words[2]) == .closed, words[3] == "until",
        let time = DurationText.parse(words[4])
      else { throw fail() }
      return .staysClosed(words[0], until: time)
    default:
      throw fail()
    }
  }

  /// A state name as learners write it: `OPEN`, `open`, `half-open`, `HALF_OPEN`.
  static func stateNamed(_ text: String) -> BreakerState? {
    switch text.lowercased().replacingOccurrences("-", "_") {
    case "closed": .closed
    case "open": .open
    case "half_open", "halfopen": .halfOpen
    default: nil
    }
  }

  /// The breaker this condition is about, if any.
  var breaker: String? {
    switch self {
    case .state(let name, _), .moved(let name, _), .neverOpened(let name),
      .counter(let name, _, _, _), .staysClosed(let name, _), .openBy(let name, _),
      .closedBy(let name, _):
      name
    case .starved, .elapsed: nil
    }
  }
}

extension String {
  func replacingOccurrences(_ target: Character, _ replacement: Character) -> String {
    String(map { $0 == target ? replacement : $0 })
  }
}
