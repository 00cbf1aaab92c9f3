import BreakerCore
import Diagrams
import Simulation

/// The call results of each breaker over the whole session, for timelines, in bounded memory:
/// results are counted in time buckets, and when a breaker has too many buckets their width
/// doubles and neighbours merge. A timeline never needs more detail than one column.
struct ActivityLog: Sendable {
  /// How many buckets each breaker keeps at most.
  static let capacity = 2048

  /// Histories in order of first use, and where each name's history is.
  private var histories: [History] = []
  private var index: [String: Int] = [:]
  /// The last name recorded and its position: a load records one breaker millions of times,
  /// so comparing with the last name saves hashing it on every call.
  private var lastName = ""
  private var lastPosition = -1

  struct History: Sendable {
    /// The width of a bucket, in milliseconds (a power of two).
    var width: Milliseconds = 1
    /// Bucket start times, ascending, and the count of each result in the bucket.
    var starts: [Milliseconds] = []
    var counts: [[Int32]] = []

    mutating func add(_ result: CallResult, at time: Milliseconds) {
      // Calls arrive in time order: most land in the newest bucket, so check that first.
      if let last = starts.last, time >= last, time - last < width {
        counts[counts.count - 1][result.index] &+= 1
        return
      }
      let start = time - ((time % width) + width) % width
      if starts.last != start {
        if starts.count == ActivityLog.capacity { coarsen() }
        let merged = time - ((time % width) + width) % width
        if starts.last != merged {
          starts.append(merged)
          counts.append([Int32](repeating: 0, count: CallResult.order.count))
        }
      }
      counts[counts.count - 1][result.index] &+= 1
    }

    /// Doubles the bucket width, merging buckets that now share a start.
    private mutating func coarsen() {
      width *= 2
      var newStarts: [Milliseconds] = []
      var newCounts: [[Int32]] = []
      for (start, count) in zip(starts, counts) {
        let merged = start - ((start % width) + width) % width
        if newStarts.last == merged {
          for index in count.indices { newCounts[newCounts.count - 1][index] &+= count[index] }
        } else {
          newStarts.append(merged)
          newCounts.append(count)
        }
      }
      starts = newStarts
      counts = newCounts
    }

    /// One mark per result seen in each bucket, at the bucket's start.
    var marks: [CallMark] {
      zip(starts, counts).flatMap { start, count in
        CallResult.order.indices.filter { count[$0] > 0 }.map {
          CallMark(at: start, result: CallResult.order[$0])
        }
      }
    }
  }

  mutating func record(_ record: CallRecord) {
    let name = record.breaker ?? record.service
    if lastPosition < 0 || name != lastName {
      if let known = index[name] {
        lastPosition = known
      } else {
        lastPosition = histories.count
        index[name] = lastPosition
        histories.append(History())
      }
      lastName = name
    }
    histories[lastPosition].add(record.result, at: record.at)
  }

  /// The marks of one breaker (or unprotected service), oldest first.
  func marks(of name: String) -> [CallMark] { index[name].map { histories[$0].marks } ?? [] }

  mutating func removeAll() {
    histories.removeAll()
    index.removeAll()
    lastPosition = -1
  }
}

extension CallResult {
  static let order: [CallResult] = [.success, .failure, .timeout, .rejected, .starved]

  var index: Int {
    switch self {
    case .success: 0
    case .failure: 1
    case .timeout: 2
    case .rejected: 3
    case .starved: 4
    }
  }
}
