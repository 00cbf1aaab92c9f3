/// Makes output comparable: line endings, ANSI escapes and trailing spaces do not count.
public enum Normalizer {
  /// The line without ANSI escape sequences, carriage returns and trailing white space.
  public static func normalize(_ line: String) -> String {
    // Fast path: most lines have no escape, no carriage return and no trailing blank.
    let bytes = line.utf8
    if !bytes.contains(where: { $0 == 0x1B || $0 == 0x0D }),
      bytes.last != UInt8(ascii: " "), bytes.last != UInt8(ascii: "\t")
    {
      return line
    }
    var result = ""
    result.reserveCapacity(line.utf8.count)
    var scalars = line.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      if scalar == "\u{1B}" {
        // CSI: ESC [ parameters final-byte; character set: ESC ( B (as `tput sgr0` writes);
        // other escapes: ESC + one character.
        guard let next = scalars.next() else { break }
        if next == "[" {
          while let byte = scalars.next(), !(0x40...0x7E).contains(byte.value) {}
        } else if next == "(" || next == ")" {
          _ = scalars.next()
        }
        continue
      }
      if scalar == "\r" { continue }
      result.unicodeScalars.append(scalar)
    }
    while let last = result.last, last == " " || last == "\t" { result.removeLast() }
    return result
  }

  /// Normalizes every line and drops blank lines at the end.
  public static func normalize(_ lines: [String]) -> [String] {
    var result = lines.map(normalize)
    while result.last?.isEmpty == true { result.removeLast() }
    return result
  }
}
