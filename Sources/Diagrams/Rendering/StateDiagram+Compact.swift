import BreakerCore

extension StateDiagram {
  /// The compact drawing, 24 columns wide, with one-word labels.
  ///
  /// ```text
  ///  [  CLOSED   ]<--+
  ///        |         | trial
  ///   trip |         | ok
  ///        v         |
  ///  #  >OPEN<   #   |
  ///      |    ^      |
  /// wait |    | fail |
  ///      v    |      |
  ///  [ HALF_OPEN ]---+
  /// ```
  static func compact(_ state: BreakerState, edge: Edge?, glyphs: Glyphs, color: Bool) -> [String] {
    var canvas = Canvas(width: 24, height: 9)
    let left = 1
    let center = 7
    let down = 5
    let up = 10
    let loop = 17

    func ink(_ arrow: Edge) -> Ink? { arrow == edge ? .highlight : nil }
    func heavy(_ arrow: Edge) -> Bool { arrow == edge }

    for (box, row) in [(BreakerState.closed, 0), (.open, 4), (.halfOpen, 8)] {
      let current = box == state
      let markers = glyphs.currentMarkers
      let label = current ? markers.left + box.label + markers.right : box.label
      let bracket: (Character, Character) =
        current ? (glyphs.box(current: true)[5], glyphs.box(current: true)[5]) : ("[", "]")
      let ink: Ink? = current ? Ink(box) : nil
      canvas.put(bracket.0, row: row, col: left, ink: ink)
      canvas.put(label, row: row, col: left + 1 + (11 - label.count) / 2, ink: ink)
      canvas.put(bracket.1, row: row, col: left + 12, ink: ink)
    }

    canvas.vertical(glyphs.vertical(heavy(.trip)), col: center, rows: 1...2, ink: ink(.trip))
    canvas.put(glyphs.arrowDown(heavy(.trip)), row: 3, col: center, ink: ink(.trip))
    canvas.put("trip", row: 2, col: center - 5, ink: ink(.trip))

    canvas.vertical(glyphs.vertical(heavy(.wait)), col: down, rows: 5...6, ink: ink(.wait))
    canvas.put(glyphs.arrowDown(heavy(.wait)), row: 7, col: down, ink: ink(.wait))
    canvas.put("wait", row: 6, col: 0, ink: ink(.wait))

    canvas.put(glyphs.arrowUp(heavy(.failure)), row: 5, col: up, ink: ink(.failure))
    canvas.vertical(glyphs.vertical(heavy(.failure)), col: up, rows: 6...7, ink: ink(.failure))
    canvas.put("fail", row: 6, col: up + 2, ink: ink(.failure))

    let heavyLoop = heavy(.success)
    let loopInk = ink(.success)
    canvas.put(glyphs.arrowLeft(heavyLoop), row: 0, col: left + 13, ink: loopInk)
    canvas.horizontal(
      glyphs.horizontal(heavyLoop), row: 0, cols: (left + 14)...(loop - 1), ink: loopInk)
    canvas.put(glyphs.cornerDownRight(heavyLoop), row: 0, col: loop, ink: loopInk)
    canvas.vertical(glyphs.vertical(heavyLoop), col: loop, rows: 1...7, ink: loopInk)
    canvas.put(glyphs.cornerDownLeft(heavyLoop), row: 8, col: loop, ink: loopInk)
    canvas.horizontal(
      glyphs.horizontal(heavyLoop), row: 8, cols: (left + 13)...(loop - 1), ink: loopInk)
    canvas.put("trial", row: 1, col: loop + 2, ink: loopInk)
    canvas.put("ok", row: 2, col: loop + 2, ink: loopInk)
    return canvas.lines(color: color)
  }
}
