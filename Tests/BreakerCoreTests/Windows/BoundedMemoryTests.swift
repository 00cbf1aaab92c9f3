import Testing

@testable import BreakerCore

/// A breaker's memory is fixed by its configuration: a million calls through it, across many
/// trips and recoveries, allocate nothing more.
@Suite("Bounded memory")
struct BoundedMemoryTests {
  struct Shape: Sendable, CustomTestStringConvertible {
    var preset: Preset
    var settings: [String]
    /// The storage the configuration calls for: failure-time slots plus window slots.
    var footprint: Int
    var testDescription: String {
      (["like=\(preset.rawValue)"] + settings).joined(separator: " ")
    }
  }

  /// Every breaker holds `threshold` failure-time slots (1 unless the policy is `count`) and
  /// a rate window shaped by `buckets`, `buckets-clock` and `last`, used or not.
  static let shapes: [Shape] = [
    // Count: `threshold` failure times, plus 10 (unused) buckets of calls and failures.
    Shape(preset: .lesson, settings: ["reset=10ms"], footprint: 5 + 2 * 10),
    // Consecutive: one failure-time slot.
    Shape(preset: .gobreaker, settings: ["reset=10ms"], footprint: 1 + 2 * 10),
    // Rate, fixed buckets: calls and failures per bucket.
    Shape(preset: .opossum, settings: ["reset=10ms"], footprint: 1 + 2 * 10),
    Shape(preset: .hystrix, settings: ["reset=10ms"], footprint: 1 + 2 * 20),
    // Rate, lazy buckets: calls, failures and a start per bucket, plus one spare bucket.
    Shape(preset: .polly, settings: ["volume=20", "reset=10ms"], footprint: 1 + 3 * 11),
    // Rate, last N calls: one failure flag per call.
    Shape(preset: .resilience4j, settings: ["reset=10ms"], footprint: 1 + 100),
  ]

  @Test("A million calls allocate nothing", arguments: shapes)
  func millionCalls(_ shape: Shape) throws {
    let config = try BreakerHarness.configuration(shape.preset, shape.settings)
    var breaker = CircuitBreaker(config, at: 0)
    let footprint = Self.footprint(of: breaker)
    #expect(footprint >= shape.footprint)
    #expect(footprint <= shape.footprint + 16, "small arrays may round their capacity up")

    var random = TestRandom(seed: 42)
    var transitions = 0
    var admitted = 0
    var pending: [(permit: Permit, ends: Milliseconds)] = []
    var now: Milliseconds = 0
    for call in 0..<1_000_000 {
      now += Milliseconds(random.int(0...3))
      while let transition = breaker.advance(to: now) {
        _ = transition
        transitions += 1
      }
      // Settle calls whose time has come (a few stay in flight for a while).
      while let first = pending.first, first.ends <= now {
        pending.removeFirst()
        let outcome: Outcome = random.chance(55) ? .failure : .success
        if breaker.record(outcome, for: first.permit, at: now).transition != nil {
          transitions += 1
        }
      }
      let decision = breaker.acquire(at: now)
      if decision.transition != nil { transitions += 1 }
      guard let permit = decision.admission.permit else { continue }
      admitted += 1
      if call % 97 == 0, pending.count < 8 {
        pending.append((permit, now + Milliseconds(random.int(1...2000))))
        continue
      }
      let roll = random.int(1...100)
      let outcome: Outcome =
        roll <= 5 ? .ignored : roll <= 10 ? .timeout : roll <= 60 ? .failure : .success
      if breaker.record(outcome, for: permit, at: now).transition != nil { transitions += 1 }
    }
    #expect(transitions > 100, "the breaker went through many trips and recoveries")
    #expect(admitted > 100_000)
    #expect(Self.footprint(of: breaker) == footprint)
    // The running totals, kept by subtracting what leaves the window, still match the buckets.
    let totals = breaker.rateTotals(at: now)
    let buckets = breaker.rateBuckets(at: now)
    #expect(totals.calls == buckets.reduce(0) { $0 + $1.calls })
    #expect(totals.failures == buckets.reduce(0) { $0 + $1.failures })
    #expect(totals.calls >= 0 && totals.failures >= 0)
  }

  static func footprint(of breaker: CircuitBreaker) -> Int {
    breaker.failureTimes.storageFootprint + breaker.rateWindow.storageFootprint
  }

  @Test("The count policy keeps only the last `threshold` failure times")
  func countKeepsThreshold() throws {
    var breaker = CircuitBreaker(Preset.lesson.configuration, at: 0)
    #expect(breaker.calls(.failure, at: 0..<4).isEmpty)
    #expect(breaker.recentFailureTimes == [0, 1, 2, 3])
    // Late failures while OPEN still arrive; only the newest five are kept.
    var permits: [Permit] = []
    for time in Milliseconds(4)..<20 {
      if let permit = breaker.acquire(at: time).admission.permit { permits.append(permit) }
    }
    for (offset, permit) in permits.enumerated() {
      _ = breaker.record(.failure, for: permit, at: 100 + Milliseconds(offset))
    }
    #expect(breaker.state == .open)
    #expect(breaker.recentFailureTimes.count == 5)
    #expect(breaker.recentFailureTimes.last == 100 + Milliseconds(permits.count - 1))
  }
}
