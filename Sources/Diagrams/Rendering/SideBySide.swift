/// Lays blocks of lines out side by side in columns when they fit the width, else in as many
/// rows as needed (one block per row is plain stacking).
///
/// Blocks keep their own widths (measured with ``TextWidth/columns(_:)``, so coloured blocks
/// work); columns are separated by ` | ` (` │ ` in Unicode), and each may have a title with a
/// rule under it.
///
/// ```text
/// lesson                   | opossum
/// ------                   | -------
///  [  CLOSED   ]<--+       |  [  CLOSED   ]<--+
/// ```
public enum SideBySide {
  /// Lays `blocks` out side by side, or stacked when they do not fit.
  /// - Parameters:
  ///   - blocks: Blocks of lines, such as several state diagrams.
  ///   - titles: A title per block (missing or empty titles draw no title row).
  ///   - style: Width, character set and colour (colour in the blocks is kept as it is).
  /// - Returns: Lines of at most `style.width` columns.
  public static func render(_ blocks: [[String]], titles: [String], style: RenderStyle)
    -> [String]
  {
    lines(blocks, titles: titles, width: style.width, unicode: style.unicode)
  }

  /// Lays blocks out in any width.
  static func lines(_ blocks: [[String]], titles: [String], width: Int, unicode: Bool)
    -> [String]
  {
    let glyphs = Glyphs(unicode: unicode)
    let separator = " \(glyphs.columnSeparator) "
    let titles = blocks.indices.map { index in
      index < titles.count ? glyphs.clean(titles[index]) : ""
    }
    let widths = blocks.indices.map { index in
      min(width, ([titles[index]] + blocks[index]).map { TextWidth.columns($0) }.max() ?? 0)
    }

    // Greedy packing: as many blocks per row as fit.
    var rows: [[Int]] = []
    var used = 0
    for index in blocks.indices {
      let extra = rows.last.map { $0.isEmpty ? 0 : separator.count } ?? 0
      if let last = rows.last, !last.isEmpty, used + extra + widths[index] <= width {
        rows[rows.count - 1].append(index)
        used += extra + widths[index]
      } else {
        rows.append([index])
        used = widths[index]
      }
    }

    var result: [String] = []
    for (number, row) in rows.enumerated() {
      if number > 0 { result.append("") }
      if row.contains(where: { !titles[$0].isEmpty }) {
        result.append(
          join(row.map { glyphs.fit(titles[$0], widths[$0]) }, row, widths, separator))
        let rules = row.map { index in
          String(
            repeating: glyphs.rule, count: min(widths[index], TextWidth.columns(titles[index])))
        }
        result.append(join(rules, row, widths, separator))
      }
      let height = row.map { blocks[$0].count }.max() ?? 0
      for line in 0..<height {
        let cells = row.map { index in
          line < blocks[index].count
            ? TextWidth.truncate(blocks[index][line], to: widths[index], ellipsis: glyphs.ellipsis)
            : ""
        }
        result.append(join(cells, row, widths, separator))
      }
    }
    return result.map { TextWidth.truncate($0, to: width, ellipsis: glyphs.ellipsis) }
  }

  /// Joins one line of each column, padding every column but the last.
  private static func join(_ cells: [String], _ row: [Int], _ widths: [Int], _ separator: String)
    -> String
  {
    var line = ""
    for (position, cell) in cells.enumerated() {
      let isLast = position == cells.count - 1
      line += isLast ? cell : TextWidth.pad(cell, to: widths[row[position]]) + separator
    }
    return trimmed(line)
  }

  /// The line without trailing spaces.
  static func trimmed(_ line: String) -> String {
    var line = line
    while line.last == " " { line.removeLast() }
    return line
  }
}
