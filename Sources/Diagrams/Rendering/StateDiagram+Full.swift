import BreakerCore

extension StateDiagram {
  /// The full drawing: three boxes, four labelled arrows.
  ///
  /// ```text
  ///  +-------------+  failure threshold  +-------------+
  ///  |   CLOSED    |-------------------->|    OPEN     |
  ///  +-------------+  5 failures in 60s  +-------------+
  ///         ^                                |     ^
  ///         |                   wait elapsed |     | trial failure
  ///         |         30s after last failure |     | a trial fails
  ///         |                                v     |
  ///         |                            +-------------+
  ///         +----------------------------|  HALF_OPEN  |
  ///            trial success             +-------------+
  ///            1 trial succeeds
  /// ```
  static func full(
    _ state: BreakerState, labels: EdgeLabels, edge: Edge?, glyphs: Glyphs, color: Bool
  ) -> [String] {
    let boxWidth = 15
    let left = 1
    let closedCenter = left + boxWidth / 2
    let tripDetail = TextWidth.wrap(labels.trip.detail, width: 26)
    let tripSpan = max(16, ([labels.trip.title] + tripDetail).map(\.count).max() ?? 0) + 4
    let waitLines = [labels.wait.title] + TextWidth.wrap(labels.wait.detail, width: 24)
    let failLines = [labels.failure.title] + TextWidth.wrap(labels.failure.detail, width: 18)
    let openLeft = max(
      left + boxWidth + tripSpan, closedCenter + (waitLines.map(\.count).max() ?? 0) - 1)
    let down = openLeft + 4
    let up = openLeft + 10
    let successLines =
      [labels.success.title]
      + TextWidth.wrap(labels.success.detail, width: max(8, openLeft - closedCenter - 5))
    let width = max(openLeft + boxWidth, up + 2 + (failLines.map(\.count).max() ?? 0))
    var canvas = Canvas(width: width, height: 9 + max(2, successLines.count))

    func ink(_ arrow: Edge) -> Ink? { arrow == edge ? .highlight : nil }
    func heavy(_ arrow: Edge) -> Bool { arrow == edge }

    // Boxes.
    for (box, row, col) in [
      (BreakerState.closed, 0, left), (.open, 0, openLeft), (.halfOpen, 7, openLeft),
    ] {
      let current = box == state
      let markers = glyphs.currentMarkers
      let label = current ? "\(markers.left) \(box.label) \(markers.right)" : box.label
      canvas.box(
        row: row, col: col, width: boxWidth, label: label, border: glyphs.box(current: current),
        ink: current ? Ink(box) : nil)
    }

    // CLOSED to OPEN.
    let tripFrom = left + boxWidth
    canvas.horizontal(
      glyphs.horizontal(heavy(.trip)), row: 1, cols: tripFrom...(openLeft - 2), ink: ink(.trip))
    canvas.put(glyphs.arrowRight(heavy(.trip)), row: 1, col: openLeft - 1, ink: ink(.trip))
    for (index, text) in ([labels.trip.title] + tripDetail).enumerated() {
      let row = index == 0 ? 0 : index + 1
      canvas.put(text, row: row, col: tripFrom + (tripSpan - text.count) / 2, ink: ink(.trip))
    }

    // OPEN to HALF_OPEN, down; HALF_OPEN to OPEN, up.
    canvas.vertical(glyphs.vertical(heavy(.wait)), col: down, rows: 3...5, ink: ink(.wait))
    canvas.put(glyphs.arrowDown(heavy(.wait)), row: 6, col: down, ink: ink(.wait))
    for (index, text) in waitLines.prefix(3).enumerated() {
      canvas.put(text, row: 4 + index, col: down - 1 - text.count, ink: ink(.wait))
    }
    canvas.put(glyphs.arrowUp(heavy(.failure)), row: 3, col: up, ink: ink(.failure))
    canvas.vertical(glyphs.vertical(heavy(.failure)), col: up, rows: 4...6, ink: ink(.failure))
    for (index, text) in failLines.prefix(3).enumerated() {
      canvas.put(text, row: 4 + index, col: up + 2, ink: ink(.failure))
    }

    // HALF_OPEN back to CLOSED.
    canvas.put(glyphs.arrowUp(heavy(.success)), row: 3, col: closedCenter, ink: ink(.success))
    canvas.vertical(
      glyphs.vertical(heavy(.success)), col: closedCenter, rows: 4...7, ink: ink(.success))
    canvas.put(
      glyphs.cornerUpRight(heavy(.success)), row: 8, col: closedCenter, ink: ink(.success))
    canvas.horizontal(
      glyphs.horizontal(heavy(.success)), row: 8, cols: (closedCenter + 1)...(openLeft - 1),
      ink: ink(.success))
    for (index, text) in successLines.enumerated() {
      canvas.put(text, row: 9 + index, col: closedCenter + 3, ink: ink(.success))
    }
    return canvas.lines(color: color)
  }
}
