import BreakerCore
import Simulation

/// Where the JSON Lines trace goes (a file, or memory in tests).
public protocol TraceSink: AnyObject {
  /// Writes one line (without its newline).
  func write(line: String)
}

/// A trace kept in memory.
public final class MemoryTrace: TraceSink {
  /// Every line written so far.
  public private(set) var lines: [String] = []

  /// Creates an empty trace.
  public init() {}

  public func write(line: String) { lines.append(line) }
}

/// Formats world events as JSON Lines, one object per line with a fixed key order.
public enum TraceFormat {
  /// The JSON object for one event.
  public static func line(for event: WorldEvent) -> String {
    switch event {
    case .call(let record):
      var fields = [
        ("t_ms", "\(record.at)"),
        ("breaker", record.breaker.map(quote) ?? "null"),
        ("service", quote(record.service)),
        ("event", quote("call")),
        ("result", quote(record.result.rawValue)),
        ("attempt", "\(record.attempt)"),
      ]
      if record.fellBack { fields.append(("fallback", "true")) }
      if record.uncounted { fields.append(("counted", "false")) }
      return object(fields)
    case .transition(let breaker, let transition):
      return object([
        ("t_ms", "\(transition.at)"),
        ("breaker", quote(breaker)),
        ("event", quote("transition")),
        ("from", quote(transition.from.rawValue)),
        ("to", quote(transition.to.rawValue)),
        ("reason", quote(transition.reason.text)),
      ])
    }
  }

  private static func object(_ fields: [(String, String)]) -> String {
    "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
  }

  /// A JSON string literal.
  public static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\t": result += "\\t"
      case "\r": result += "\\r"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
