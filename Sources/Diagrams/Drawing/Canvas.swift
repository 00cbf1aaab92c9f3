/// A grid of one-column cells to draw boxes, lines and labels on, each cell with an optional
/// colour role.
///
/// Drawing outside the grid is ignored, so callers may clip freely. Text put on a canvas must
/// be one column per character (``Glyphs`` and generated ASCII labels are).
struct Canvas {
  private var cells: [[Character]]
  private var inks: [[Ink?]]
  let width: Int
  let height: Int

  /// An empty canvas of `height` rows by `width` columns.
  init(width: Int, height: Int) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: Array(repeating: " ", count: self.width), count: self.height)
    inks = Array(repeating: Array(repeating: nil, count: self.width), count: self.height)
  }

  /// Writes one character.
  mutating func put(_ character: Character, row: Int, col: Int, ink: Ink? = nil) {
    guard (0..<height).contains(row), (0..<width).contains(col) else { return }
    cells[row][col] = character
    inks[row][col] = ink
  }

  /// Writes text from `col` to the right.
  mutating func put(_ text: String, row: Int, col: Int, ink: Ink? = nil) {
    for (offset, character) in text.enumerated() {
      put(character, row: row, col: col + offset, ink: ink)
    }
  }

  /// Draws a horizontal run of `character` over `cols`.
  mutating func horizontal(
    _ character: Character, row: Int, cols: ClosedRange<Int>, ink: Ink? = nil
  ) {
    for col in cols { put(character, row: row, col: col, ink: ink) }
  }

  /// Draws a vertical run of `character` over `rows`.
  mutating func vertical(
    _ character: Character, col: Int, rows: ClosedRange<Int>, ink: Ink? = nil
  ) {
    for row in rows { put(character, row: row, col: col, ink: ink) }
  }

  /// Draws a three-row box with `label` centred in its middle row.
  /// - Parameters:
  ///   - border: Top-left, top-right, bottom-left, bottom-right, horizontal, vertical.
  ///   - ink: Colour of the border and the label.
  mutating func box(
    row: Int, col: Int, width boxWidth: Int, label: String, border: [Character], ink: Ink?
  ) {
    let right = col + boxWidth - 1
    put(border[0], row: row, col: col, ink: ink)
    horizontal(border[4], row: row, cols: (col + 1)...(right - 1), ink: ink)
    put(border[1], row: row, col: right, ink: ink)
    put(border[5], row: row + 1, col: col, ink: ink)
    put(border[5], row: row + 1, col: right, ink: ink)
    put(border[2], row: row + 2, col: col, ink: ink)
    horizontal(border[4], row: row + 2, cols: (col + 1)...(right - 1), ink: ink)
    put(border[3], row: row + 2, col: right, ink: ink)
    let inner = boxWidth - 2
    let start = col + 1 + max(0, (inner - label.count) / 2)
    put(label, row: row + 1, col: start, ink: ink)
  }

  /// The rows as text, trailing spaces removed, coloured when `color` is on.
  func lines(color: Bool) -> [String] {
    (0..<height).map { row in
      var text = ""
      var run = ""
      var runInk: Ink? = nil
      let last = cells[row].lastIndex { $0 != " " } ?? -1
      for col in 0..<(last + 1) {
        let ink = cells[row][col] == " " ? nil : inks[row][col]
        if ink != runInk {
          text += ANSI.paint(run, runInk, enabled: color)
          run = ""
          runInk = ink
        }
        run.append(cells[row][col])
      }
      return text + ANSI.paint(run, runInk, enabled: color)
    }
  }
}
