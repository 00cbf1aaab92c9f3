import BreakerCore
import Diagrams
import Simulation

/// The recent call results of each breaker, for timelines: a bounded ring per breaker, so
/// memory does not grow with the number of calls.
struct ActivityLog: Sendable {
  /// How many marks each breaker keeps.
  static let capacity = 4096

  private var rings: [String: Ring] = [:]

  struct Ring: Sendable {
    var marks: [CallMark] = []
    var next = 0

    mutating func append(_ mark: CallMark) {
      if marks.count < ActivityLog.capacity {
        marks.append(mark)
      } else {
        marks[next] = mark
        next = (next + 1) % ActivityLog.capacity
      }
    }

    var ordered: [CallMark] { Array(marks[next...] + marks[..<next]) }
  }

  mutating func record(_ record: CallRecord) {
    let key = record.breaker ?? record.service
    rings[key, default: Ring()].append(CallMark(at: record.at, result: record.result))
  }

  /// The marks of one breaker (or unprotected service), oldest first.
  func marks(of name: String) -> [CallMark] { rings[name]?.ordered ?? [] }

  mutating func removeAll() { rings.removeAll() }
}
