import BreakerCore
import Simulation

/// The characters a diagram is drawn with: pure ASCII, or Unicode box drawing.
///
/// Every glyph here takes exactly one column, so layouts can count characters. Text that comes
/// from the user (breaker names) goes through ``clean(_:)`` first.
struct Glyphs: Sendable {
  /// Whether these are the Unicode glyphs.
  let unicode: Bool

  /// The glyphs for a style.
  init(unicode: Bool) {
    self.unicode = unicode
  }

  // MARK: - Lines and boxes

  /// A line, plain or highlighted (the arrow just taken).
  func horizontal(_ highlighted: Bool) -> Character {
    unicode ? (highlighted ? "━" : "─") : (highlighted ? "=" : "-")
  }

  func vertical(_ highlighted: Bool) -> Character {
    unicode ? (highlighted ? "┃" : "│") : (highlighted ? "#" : "|")
  }

  /// The corner where a line coming from the right turns up.
  func cornerUpRight(_ highlighted: Bool) -> Character {
    unicode ? (highlighted ? "┗" : "└") : "+"
  }

  /// The corner where a line coming from below turns left.
  func cornerDownLeft(_ highlighted: Bool) -> Character {
    unicode ? (highlighted ? "┛" : "┘") : "+"
  }

  /// The corner where a line coming from the left turns down.
  func cornerDownRight(_ highlighted: Bool) -> Character {
    unicode ? (highlighted ? "┓" : "┐") : "+"
  }

  func arrowRight(_ highlighted: Bool) -> Character { unicode ? "▶" : ">" }
  func arrowLeft(_ highlighted: Bool) -> Character { unicode ? "◀" : "<" }
  func arrowUp(_ highlighted: Bool) -> Character { unicode ? "▲" : "^" }
  func arrowDown(_ highlighted: Bool) -> Character { unicode ? "▼" : (highlighted ? "V" : "v") }

  /// A box's border: top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
  /// The current state's box has a double (ASCII: `#` and `=`) border.
  func box(current: Bool) -> [Character] {
    switch (unicode, current) {
    case (true, true): ["╔", "╗", "╚", "╝", "═", "║"]
    case (true, false): ["┌", "┐", "└", "┘", "─", "│"]
    case (false, true): ["#", "#", "#", "#", "=", "#"]
    case (false, false): ["+", "+", "+", "+", "-", "|"]
    }
  }

  /// The pointers either side of the current state's name.
  var currentMarkers: (left: String, right: String) {
    unicode ? ("▶", "◀") : (">", "<")
  }

  /// How the arrow from one state to another is written in text, plain or just taken.
  func arrow(_ highlighted: Bool) -> String {
    unicode ? (highlighted ? "━━▶" : "──▶") : (highlighted ? "==>" : "-->")
  }

  /// What marks text cut short.
  var ellipsis: String { unicode ? "…" : "~" }

  /// A short rule under a title.
  var rule: Character { unicode ? "─" : "-" }

  /// The separator between two columns of a side-by-side layout.
  var columnSeparator: Character { unicode ? "│" : "|" }

  // MARK: - Timelines and windows

  /// The band glyph for a state.
  func band(_ state: BreakerState) -> Character {
    switch state {
    case .closed: unicode ? "▁" : "_"
    case .open: unicode ? "█" : "#"
    case .halfOpen: unicode ? "▒" : "~"
    }
  }

  /// The mark for one call's result.
  func mark(_ result: CallResult) -> Character {
    switch result {
    case .failure: "x"
    case .timeout: "t"
    case .rejected: "r"
    case .starved: "s"
    case .success: unicode ? "·" : "."
    }
  }

  /// A bar cell for failed calls and for other calls.
  var barFailure: Character { unicode ? "█" : "x" }
  var barOther: Character { unicode ? "░" : "=" }

  /// The axis line and its tick.
  var axis: Character { unicode ? "─" : "-" }
  var tick: Character { unicode ? "┬" : "+" }
  /// Where a vertical line above crosses the axis.
  var cross: Character { unicode ? "┼" : "+" }
  var window: (left: Character, right: Character) { unicode ? ("├", "┤") : ("|", "|") }

  // MARK: - User text

  /// Makes user text safe to print: controls become `?`, and so does anything outside ASCII
  /// in ASCII mode.
  func clean(_ text: String) -> String {
    var result = ""
    for character in text {
      let isControl = character.unicodeScalars.contains {
        $0.value < 0x20 || (0x7F...0x9F).contains($0.value)
      }
      if isControl || (!unicode && !character.isASCII) {
        result.append("?")
      } else {
        result.append(character)
      }
    }
    return result
  }

  /// Cuts plain text to `width` columns with this style's ellipsis.
  func fit(_ text: String, _ width: Int) -> String {
    TextWidth.truncate(text, to: width, ellipsis: ellipsis)
  }
}
