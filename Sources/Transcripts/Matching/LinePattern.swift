/// One expected line, with its wildcards: `{{..}}` matches any text inside a line, a named
/// placeholder such as `{{INT}}` matches one kind of text, and `...` alone matches any number
/// of whole lines.
public enum LinePattern: Sendable, Equatable {
  /// `...` alone on a line.
  case anyLines
  /// A line, literal unless it holds `{{..}}` or `{{NAME}}` pieces.
  case line(String)

  /// The named placeholders and what they match.
  public static let placeholders: [String: @Sendable (Substring) -> Bool] = [
    "INT": { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } },
    "DURATION": {
      $0.isEmpty == false && $0.allSatisfy { $0.isASCII && ($0.isNumber || "ydhms".contains($0)) }
    },
    "VERSION": { !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } },
  ]

  /// Reads a normalized expected line.
  public init(_ text: String) {
    self = text == "..." ? .anyLines : .line(text)
  }

  /// Whether this is a wildcard line or holds a wildcard.
  public var hasWildcard: Bool {
    switch self {
    case .anyLines: true
    case .line(let text): text.contains("{{")
    }
  }

  /// Whether a single actual line matches (`...` matches any single line too).
  public func matches(_ actual: String) -> Bool {
    switch self {
    case .anyLines: return true
    case .line(let text):
      // A byte scan for `{` is far cheaper than a substring search, and most lines have none.
      guard text.utf8.contains(UInt8(ascii: "{")), text.contains("{{") else {
        return text == actual
      }
      return LinePattern.match(pieces: LinePattern.pieces(of: text)[...], actual[...])
    }
  }

  enum Piece: Equatable {
    case literal(String)
    case anything
    case named(String)
  }

  static func pieces(of text: String) -> [Piece] {
    var pieces: [Piece] = []
    var rest = Substring(text)
    while let open = rest.range(of: "{{") {
      guard let close = rest[open.upperBound...].range(of: "}}") else { break }
      let name = rest[open.upperBound..<close.lowerBound]
      guard name == ".." || placeholders[String(name)] != nil else {
        pieces.append(.literal(String(rest[..<close.upperBound])))
        rest = rest[close.upperBound...]
        continue
      }
      if open.lowerBound > rest.startIndex {
        pieces.append(.literal(String(rest[..<open.lowerBound])))
      }
      pieces.append(name == ".." ? .anything : .named(String(name)))
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { pieces.append(.literal(String(rest))) }
    return pieces
  }

  /// Matches pieces against text, trying every split for the wildcards (lines are short).
  static func match(pieces: ArraySlice<Piece>, _ text: Substring) -> Bool {
    guard let first = pieces.first else { return text.isEmpty }
    switch first {
    case .literal(let literal):
      guard text.hasPrefix(literal) else { return false }
      return match(pieces: pieces.dropFirst(), text.dropFirst(literal.count))
    case .anything, .named:
      var end = text.startIndex
      while true {
        let candidate = text[text.startIndex..<end]
        let accepted: Bool
        if case .named(let name) = first {
          accepted = placeholders[name]?(candidate) ?? false
        } else {
          accepted = true
        }
        if accepted, match(pieces: pieces.dropFirst(), text[end...]) { return true }
        guard end < text.endIndex else { return false }
        end = text.index(after: end)
      }
    }
  }
}

extension Substring {
  fileprivate func range(of needle: String) -> Range<Substring.Index>? {
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) {
        return index..<self.index(index, offsetBy: needle.count)
      }
      index = self.index(after: index)
    }
    return nil
  }
}
