import BreakerCore

/// How a span of virtual time maps onto columns: one column per slice of a "nice" length
/// (1s, 2s, 5s, 10s, 15s, 30s, 1m, ...), and ticks at nice times with room for their labels.
///
/// Column `i` covers `[from + i * slice, from + (i + 1) * slice)`; the last column holds `to`.
struct TimeScale: Sendable, Equatable {
  let from: Milliseconds
  let to: Milliseconds
  let slice: Milliseconds
  let columns: Int

  /// Lengths a slice or a tick interval may take, shortest first.
  static let niceLengths: [Milliseconds] = {
    let second: Milliseconds = 1000
    let minute = 60 * second
    let hour = 60 * minute
    let day = 24 * hour
    return [1, 2, 5, 10, 20, 50, 100, 200, 250, 500]
      + [1, 2, 5, 10, 15, 30].map { $0 * second }
      + [1, 2, 5, 10, 15, 30].map { $0 * minute }
      + [1, 2, 3, 6, 12].map { $0 * hour }
      + [1, 2, 7, 14, 28, 91, 182].map { $0 * day }
      + (0...6).flatMap { power in
        [1, 2, 5].map { $0 * pow10(power) * 365 * day }
      }
  }()

  /// 10 to the power `exponent`.
  private static func pow10(_ exponent: Int) -> Milliseconds {
    (0..<exponent).reduce(1) { value, _ in value * 10 }
  }

  /// The scale for a span shown in at most `available` columns.
  /// - Parameters:
  ///   - from: The start; swapped with `to` when later.
  ///   - to: The end, inclusive.
  ///   - available: The most columns to use (at least 1).
  init(from: Milliseconds, to: Milliseconds, available: Int) {
    // Clamped to about ±73 million years, so that no sum or difference below can overflow.
    let limit: Milliseconds = 1 << 61
    let (start, end) = (min(from, to).clamped(limit), max(from, to).clamped(limit))
    let available = Int64(max(1, available))
    let length = end - start
    let fits = { (slice: Milliseconds) in length / slice < available }
    let slice =
      Self.niceLengths.first(where: fits)
      ?? (available > 1 ? length / (available - 1) + 1 : max(1, length))
    self.from = start
    self.to = end
    self.slice = slice
    self.columns = Int(min(available, length / slice + 1))
  }

  /// The column holding `time`, or `nil` outside `from...to`.
  func column(of time: Milliseconds) -> Int? {
    guard time >= from, time <= to else { return nil }
    // `time` lies between the clamped ends, so the difference cannot overflow.
    return Int(min(Int64(columns - 1), (time - from) / slice))
  }

  /// The start of column `index`.
  func start(ofColumn index: Int) -> Milliseconds {
    from + Int64(index) * slice
  }

  /// The ticks to label, as columns and times: nice times far enough apart for their labels,
  /// starting with `from` itself when there is room.
  func ticks() -> [(column: Int, time: Milliseconds)] {
    let candidates =
      Self.niceLengths.filter { $0 >= slice && $0 % slice == 0 }
      + ([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as [Milliseconds]).compactMap { factor in
        let (interval, overflow) = slice.multipliedReportingOverflow(by: factor)
        return overflow ? nil : interval
      }
    for interval in candidates {
      let ticks = ticks(every: interval)
      let widest = ticks.map { TimeText.format($0.time).count }.max() ?? 0
      let spacing = Int(interval / slice)
      if spacing >= max(widest + 2, 6) || interval / slice >= Int64(columns) {
        return withStart(ticks)
      }
    }
    return withStart([])
  }

  private func ticks(every interval: Milliseconds) -> [(column: Int, time: Milliseconds)] {
    var result: [(column: Int, time: Milliseconds)] = []
    let first = from % interval == 0 ? from : (from / interval + (from > 0 ? 1 : 0)) * interval
    var time = first
    while time <= to, result.count <= columns {
      if let column = column(of: time) { result.append((column, time)) }
      let next = time.addingReportingOverflow(interval)
      if next.overflow { break }
      time = next.partialValue
    }
    return result
  }

  /// Adds a label for `from` at column 0 when no tick is there and it does not crowd the first.
  private func withStart(
    _ ticks: [(column: Int, time: Milliseconds)]
  ) -> [(column: Int, time: Milliseconds)] {
    if ticks.first?.column == 0 { return ticks }
    let label = TimeText.format(from).count
    if let first = ticks.first, first.column < label + 2 { return ticks }
    return [(0, from)] + ticks
  }
}

extension Milliseconds {
  /// The value limited to `-limit...limit`.
  fileprivate func clamped(_ limit: Milliseconds) -> Milliseconds {
    Swift.min(limit, Swift.max(-limit, self))
  }
}
