extension TextWidth {
  /// Breaks plain text into lines of at most `width` columns, at spaces where possible.
  ///
  /// A word wider than a whole line is cut into pieces. Runs of spaces between words are kept
  /// inside a line and dropped at a break.
  /// - Parameters:
  ///   - text: Plain text without escapes or line breaks.
  ///   - width: The widest a line may be (at least 1).
  /// - Returns: The lines; one empty line for empty text.
  static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    guard columns(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true).map(String.init) {
      let wordWidth = columns(word)
      if line.isEmpty {
        line = word
      } else if columns(line) + 1 + wordWidth <= width {
        line += " " + word
      } else {
        lines.append(line)
        line = word
      }
      while columns(line) > width {
        let head = prefix(line, columns: width)
        lines.append(head)
        line = String(line.dropFirst(head.count))
      }
    }
    if !line.isEmpty || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Wraps items (each kept whole where possible) into lines joined by `separator`.
  /// - Parameters:
  ///   - items: Plain pieces of text, such as the entries of a legend.
  ///   - separator: What goes between two items on one line.
  ///   - width: The widest a line may be.
  static func flow(_ items: [String], separator: String, width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for item in items {
      let candidate = line.isEmpty ? item : line + separator + item
      if columns(candidate) <= width || line.isEmpty {
        line = candidate
      } else {
        lines.append(line)
        line = item
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines.map { truncate($0, to: width) }
  }

  /// The longest prefix of plain `text` that fits in `limit` columns (at least one character
  /// when `text` is not empty, so that cutting always makes progress).
  static func prefix(_ text: String, columns limit: Int) -> String {
    var used = 0
    var result = ""
    for character in text {
      let width = columns(of: character)
      if used + width > limit, !result.isEmpty { break }
      used += width
      result.append(character)
    }
    return result
  }
}
