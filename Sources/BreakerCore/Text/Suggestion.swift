/// Finds the closest known word to a misspelt one, for "did you mean" diagnostics.
public enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
  ///
  /// A candidate is close enough when at most a third of its letters (and at least one)
  /// differ, or when `word` is a prefix of it.
  /// - Complexity: O(*n* · *m*) per candidate, for words of lengths *n* and *m*.
  public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
    let typed = Array(word.lowercased())
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
      let distance = editDistance(typed, Array(candidate.lowercased()))
      let limit = max(1, candidate.count / 3)
      let isPrefix = !typed.isEmpty && candidate.lowercased().hasPrefix(word.lowercased())
      guard distance <= limit || isPrefix else { continue }
      if best == nil || distance < best?.distance ?? .max { best = (candidate, distance) }
    }
    return best?.candidate
  }

  /// The `"; did you mean 'x'?"` tail of a diagnostic, or an empty string.
  public static func hint(for word: String, in candidates: some Sequence<String>) -> String {
    closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }

  /// The `"; did you mean 'x'?"` tail when a candidate is close, else `"; " + otherwise`, so a
  /// diagnostic offers either the likely fix or the list to choose from, never both.
  public static func hint(
    for word: String, in candidates: some Sequence<String>, otherwise: String
  ) -> String {
    let close = hint(for: word, in: candidates)
    return close.isEmpty ? "; " + otherwise : close
  }

  /// Damerau–Levenshtein distance (adjacent transpositions count as one edit).
  static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previous2[j - 2] + 1)
        }
      }
      (previous2, previous, current) = (previous, current, previous2)
    }
    return previous[b.count]
  }
}
