/// Display width of terminal text, in columns, and the padding and cutting built on it.
///
/// A character takes two columns when it is East Asian wide or an emoji shown as a picture,
/// none when it is a combining mark, a format character or a control, and one otherwise (box
/// drawing included, as terminals draw it outside East Asian locales). ANSI escapes take none.
///
/// ```swift
/// TextWidth.columns("OPEN")                         // 4
/// TextWidth.columns("\u{1B}[31mOPEN\u{1B}[0m")      // 4
/// TextWidth.columns("断路器")                        // 6
/// ```
public enum TextWidth {
  /// The number of columns `text` takes on a terminal, ignoring ANSI escapes.
  /// - Parameter text: One line of text (escapes allowed).
  /// - Returns: Its display width.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func columns(_ text: some StringProtocol) -> Int {
    let utf8 = text.utf8
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
    var total = 0
    var escape = EscapeState.none
    for character in text {
      if escape != .none || character == ANSI.escape {
        escape = escape.next(character)
        continue
      }
      total += columns(of: character)
    }
    return total
  }

  /// Where a scan is inside an escape sequence, one character at a time.
  enum EscapeState: Equatable {
    case none
    /// Just read `ESC`.
    case started
    /// Inside `ESC [`, until a final byte.
    case control
    /// Inside `ESC ]`, until BEL or `ESC \`.
    case command
    /// Read `ESC` inside a command.
    case commandEscape

    /// The state after reading `character` (the first `ESC` included).
    func next(_ character: Character) -> EscapeState {
      let value = character.unicodeScalars.first?.value ?? 0
      switch self {
      case .none: return character == ANSI.escape ? .started : .none
      case .started: return character == "[" ? .control : character == "]" ? .command : .none
      case .control: return (0x40...0x7E).contains(value) ? .none : .control
      case .command: return value == 0x07 ? .none : value == 0x1B ? .commandEscape : .command
      case .commandEscape: return .none
      }
    }
  }

  /// The number of columns one character takes.
  /// - Parameter character: A grapheme cluster.
  /// - Returns: 0, 1 or 2.
  public static func columns(of character: Character) -> Int {
    if character.isASCII {
      return character.asciiValue.map { $0 >= 0x20 && $0 != 0x7F ? 1 : 0 } ?? 0
    }
    let scalars = character.unicodeScalars
    guard let first = scalars.first else { return 0 }
    if scalars.contains(where: isWide) { return 2 }
    if first.properties.isEmoji, scalars.contains("\u{FE0F}") { return 2 }
    return isZeroWidth(first) ? 0 : 1
  }

  /// Cuts `text` to at most `limit` columns, ending it with `ellipsis` when something was cut.
  ///
  /// Escapes are kept, and a reset is added after a cut that drops a colour's end, so the
  /// result strips to the plain text cut the same way.
  /// - Parameters:
  ///   - text: One line of text (escapes allowed).
  ///   - limit: The most columns the result may take.
  ///   - ellipsis: What marks the cut (for example `~` or `…`); dropped when it does not fit.
  public static func truncate(_ text: String, to limit: Int, ellipsis: String = "~") -> String {
    guard columns(text) > limit else { return text }
    let marker = columns(ellipsis) <= limit ? ellipsis : ""
    let budget = max(0, limit - columns(marker))
    var used = 0
    var result = ""
    var sawEscape = false
    outer: for piece in pieces(of: text) {
      if piece.isEscape {
        result += piece.text
        sawEscape = true
        continue
      }
      for character in piece.text {
        let width = columns(of: character)
        if used + width > budget { break outer }
        used += width
        result.append(character)
      }
    }
    result += marker
    if sawEscape { result += ANSI.reset }
    return result
  }

  /// Pads `text` with spaces on the right to exactly `width` columns (or leaves it as it is
  /// when already wider).
  public static func pad(_ text: String, to width: Int) -> String {
    let missing = width - columns(text)
    return missing > 0 ? text + String(repeating: " ", count: missing) : text
  }

  /// Whether a scalar is East Asian wide or fullwidth, or an emoji shown as a picture.
  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x1100 { return false }
    if scalar.properties.isEmojiPresentation { return true }
    return wideRanges.contains { $0.contains(value) }
  }

  /// Whether a scalar takes no column of its own.
  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator,
      .paragraphSeparator:
      return true
    default:
      return (0x1160...0x11FF).contains(scalar.value)
    }
  }

  /// East Asian wide and fullwidth blocks (Unicode 15 `EastAsianWidth.txt`, W and F); wide
  /// emoji are found by their `Emoji_Presentation` property instead.
  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
    0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
    0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]

  /// A run of text: either an escape sequence or visible characters.
  struct Piece {
    var isEscape: Bool
    var text: String
  }

  /// Splits text into escape sequences and visible runs, in order.
  static func pieces(of text: String) -> [Piece] {
    guard text.unicodeScalars.contains("\u{1B}") else {
      return [Piece(isEscape: false, text: text)]
    }
    var result: [Piece] = []
    let scalars = text.unicodeScalars
    var runStart = scalars.startIndex
    var index = scalars.startIndex
    while index < scalars.endIndex {
      guard scalars[index] == "\u{1B}" else {
        index = scalars.index(after: index)
        continue
      }
      if runStart < index {
        result.append(Piece(isEscape: false, text: String(Substring(scalars[runStart..<index]))))
      }
      var rest = scalars[scalars.index(after: index)...]
      ANSI.skipSequence(after: &rest)
      result.append(
        Piece(isEscape: true, text: String(Substring(scalars[index..<rest.startIndex]))))
      index = rest.startIndex
      runStart = index
    }
    if runStart < scalars.endIndex {
      result.append(Piece(isEscape: false, text: String(Substring(scalars[runStart...]))))
    }
    return result
  }
}
