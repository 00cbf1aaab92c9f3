/// ANSI terminal escapes: the few colours the diagrams use, and a way to remove them.
///
/// Colour is decoration only. Every escape the diagrams emit is a CSI "select graphic
/// rendition" sequence (`ESC [ … m`), which takes no columns, so ``strip(_:)`` turns a coloured
/// diagram back into exactly its plain form.
///
/// ```swift
/// ANSI.strip("\u{1B}[31mOPEN\u{1B}[0m")   // "OPEN"
/// ```
public enum ANSI {
  /// The escape character that starts every sequence.
  public static let escape: Character = "\u{1B}"

  /// The sequence that turns every attribute off.
  public static let reset = "\u{1B}[0m"

  /// Removes every escape sequence (CSI such as colours and cursor moves, OSC such as
  /// hyperlinks and titles, and two-character escapes) from `text`.
  /// - Parameter text: Text that may contain escapes.
  /// - Returns: The text as it reads on screen.
  /// - Complexity: O(*n*) in the length of `text`.
  public static func strip(_ text: String) -> String {
    guard text.unicodeScalars.contains("\u{1B}") else { return text }
    var result = String.UnicodeScalarView()
    var scalars = text.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      if scalar == "\u{1B}" {
        skipSequence(after: &scalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// Drops the rest of one escape sequence whose `ESC` was just read.
  static func skipSequence(after scalars: inout Substring.UnicodeScalarView) {
    guard let introducer = scalars.popFirst() else { return }
    switch introducer {
    case "[":
      // CSI: parameter and intermediate bytes, then one final byte in 0x40...0x7E.
      while let next = scalars.popFirst() {
        if (0x40...0x7E).contains(next.value) { break }
      }
    case "]":
      // OSC: ends with BEL or with ESC \.
      while let next = scalars.popFirst() {
        if next == "\u{07}" { break }
        if next == "\u{1B}" {
          if scalars.first == "\\" { scalars.removeFirst() }
          break
        }
      }
    default:
      // A two-character escape such as `ESC 7`.
      break
    }
  }

  /// The SGR sequence that starts the colour of a role.
  static func start(_ ink: Ink) -> String {
    "\u{1B}[\(ink.code)m"
  }

  /// Wraps `text` in the colour of `ink` when `enabled`, leaving it unchanged otherwise.
  /// - Parameters:
  ///   - text: Text without line breaks.
  ///   - ink: The colour role.
  ///   - enabled: Whether colour is on.
  static func paint(_ text: String, _ ink: Ink?, enabled: Bool) -> String {
    guard enabled, let ink, !text.isEmpty else { return text }
    return start(ink) + text + reset
  }
}
