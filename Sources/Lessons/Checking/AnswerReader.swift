import BreakerCore

/// Reads learners' answers generously: `OPEN`, `open.`, `"Open"`, `opened`, `half open`;
/// `45s`, `45 s`, `t=45s`, `at t = 45s`, `45` (seconds), `45000ms`; `5`, `5 calls`, `five`;
/// quiz letters as `a c`, `a,c`, `a;c`, `a/c`, `ac`, `a and c`, `b)`.
enum AnswerReader {
  /// A breaker state, or `nil` when the text names none.
  static func state(_ text: String) -> BreakerState? {
    let words = letters(text)
    switch words.joined() {
    case "closed", "close": return .closed
    case "open", "opened": return .open
    case "halfopen", "halfopened": return .halfOpen
    default: return nil
    }
  }

  /// A virtual time in milliseconds, or `nil`. A bare number is read as seconds.
  static func time(_ text: String) -> Milliseconds? {
    var compact = text.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
    while compact.last == "." || compact.last == "!" { compact.removeLast() }
    if compact.hasPrefix("at") { compact.removeFirst(2) }
    if compact.hasPrefix("t=") { compact.removeFirst(2) }
    if !compact.isEmpty, compact.allSatisfy({ $0.isASCII && $0.isNumber }) {
      return Int64(compact).map { $0 * 1000 }
    }
    return DurationText.parse(compact)
  }

  /// A whole number (digits first in the text, or a number word up to twenty), or `nil`.
  static func count(_ text: String) -> Int? {
    let digits = text.drop(while: { !($0.isASCII && $0.isNumber) })
      .prefix(while: { $0.isASCII && $0.isNumber })
    if let value = Int(digits) { return value }
    let words = [
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen", "twenty",
    ]
    return letters(text).compactMap { words.firstIndex(of: $0) }.first
  }

  /// The quiz letters chosen, or the first word that is not a choice.
  static func choices(_ text: String, letters valid: [String]) -> Result<Set<String>, Unknown> {
    var chosen = Set<String>()
    for word in letters(text) where !["and", "or"].contains(word) {
      if valid.contains(word) {
        chosen.insert(word)
      } else if word.allSatisfy({ valid.contains(String($0)) }) {
        chosen.formUnion(word.map(String.init))
      } else {
        return .failure(Unknown(word: word))
      }
    }
    return .success(chosen)
  }

  /// A word that is not one of the choices.
  struct Unknown: Error {
    var word: String
  }

  /// The runs of letters in the text, lower-cased.
  private static func letters(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
  }
}
