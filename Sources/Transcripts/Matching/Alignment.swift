/// Aligns expected lines (with wildcards) against actual lines, with the fewest edits.
///
/// `...` absorbs any number of actual lines at no cost; a matching line costs nothing; an
/// expected line missing from the output or an extra actual line costs one edit each. The
/// alignment drives both the diff and update mode.
public enum Alignment {
  /// One step of an alignment.
  public enum Operation: Sendable, Equatable {
    /// Expected line `expected` matched actual line `actual`.
    case keep(expected: Int, actual: Int)
    /// `...` at `expected` absorbed actual line `actual`.
    case absorb(expected: Int, actual: Int)
    /// `...` at `expected` absorbed nothing more.
    case endAbsorb(expected: Int)
    /// Expected line `expected` is not in the output.
    case delete(expected: Int)
    /// Actual line `actual` was not expected.
    case insert(actual: Int)
  }

  /// Whether the actual lines match the patterns exactly (fast path, no allocation of tables).
  public static func matches(_ patterns: [LinePattern], _ actual: [String]) -> Bool {
    if !patterns.contains(.anyLines) {
      guard patterns.count == actual.count else { return false }
      return zip(patterns, actual).allSatisfy { $0.matches($1) }
    }
    return align(patterns, actual).allSatisfy {
      switch $0 {
      case .delete, .insert: false
      default: true
      }
    }
  }

  /// The cheapest alignment.
  /// - Complexity: O(*m* · *n*) for *m* patterns and *n* actual lines.
  public static func align(_ patterns: [LinePattern], _ actual: [String]) -> [Operation] {
    let m = patterns.count
    let n = actual.count
    let width = n + 1
    var cost = [Int](repeating: 0, count: (m + 1) * width)
    for i in stride(from: m, through: 0, by: -1) {
      for j in stride(from: n, through: 0, by: -1) {
        if i == m {
          cost[i * width + j] = n - j
          continue
        }
        var best = 1 + cost[(i + 1) * width + j]  // delete
        if j < n { best = min(best, 1 + cost[i * width + j + 1]) }  // insert
        if patterns[i] == .anyLines {
          best = min(best, cost[(i + 1) * width + j])
          if j < n { best = min(best, cost[i * width + j + 1]) }
        } else if j < n, patterns[i].matches(actual[j]) {
          best = min(best, cost[(i + 1) * width + j + 1])
        }
        cost[i * width + j] = best
      }
    }
    var operations: [Operation] = []
    var i = 0
    var j = 0
    while i < m || j < n {
      let here = cost[i * width + j]
      if i < m, patterns[i] == .anyLines {
        // Stop absorbing as soon as that costs no more, so that the lines after `...`
        // match the output they can rather than being shown as missing.
        if here == cost[(i + 1) * width + j] {
          operations.append(.endAbsorb(expected: i))
          i += 1
          continue
        }
        if j < n, here == cost[i * width + j + 1] {
          operations.append(.absorb(expected: i, actual: j))
          j += 1
          continue
        }
      } else if i < m, j < n, patterns[i].matches(actual[j]),
        here == cost[(i + 1) * width + j + 1]
      {
        operations.append(.keep(expected: i, actual: j))
        i += 1
        j += 1
        continue
      }
      if i < m, here == 1 + cost[(i + 1) * width + j] {
        operations.append(.delete(expected: i))
        i += 1
      } else {
        operations.append(.insert(actual: j))
        j += 1
      }
    }
    return pairingChangedLines(operations)
  }

  /// `...` absorbs lines for free, so a changed line right after it is cheapest to read as
  /// absorbed, with the expected line deleted: the diff would hide the new line and update
  /// mode would drop the check. Give the absorbed lines just before deleted expected lines
  /// back, as insertions paired with those deletions, so the change shows as `-old` `+new`.
  static func pairingChangedLines(_ operations: [Operation]) -> [Operation] {
    var result: [Operation] = []
    var index = 0
    while index < operations.count {
      guard case .absorb = operations[index] else {
        result.append(operations[index])
        index += 1
        continue
      }
      var absorbed: [Operation] = []
      while index < operations.count, case .absorb = operations[index] {
        absorbed.append(operations[index])
        index += 1
      }
      var ending: [Operation] = []
      if index < operations.count, case .endAbsorb = operations[index] {
        ending.append(operations[index])
        index += 1
      }
      var deletions: [Operation] = []
      while index < operations.count, case .delete = operations[index] {
        deletions.append(operations[index])
        index += 1
      }
      let given = min(deletions.count, absorbed.count)
      result += Array(absorbed.prefix(absorbed.count - given)) + ending + deletions
      for operation in absorbed.suffix(given) {
        if case .absorb(_, let actual) = operation { result.append(.insert(actual: actual)) }
      }
    }
    return result
  }
}
