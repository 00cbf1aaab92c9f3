extension Duration {
  /// The duration in whole milliseconds, rounded down; negative durations read as 0 and huge
  /// ones are capped at ``DurationText/maximum``, so the result is always safe to add to a
  /// breaker time.
  var wholeMilliseconds: Milliseconds {
    let (seconds, attoseconds) = components
    guard seconds >= 0, attoseconds >= 0 else { return 0 }
    guard seconds < DurationText.maximum / 1000 else { return DurationText.maximum }
    return min(DurationText.maximum, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
  }
}
