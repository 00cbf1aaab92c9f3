import BreakerCore
import Diagrams
import Simulation

/// Scripted traffic that puts breakers of each policy into each state.
enum Scenarios {
  /// A policy, with the preset that shows it.
  enum Policy: String, CaseIterable, Sendable {
    /// The lesson's breaker: 5 failures within 60s.
    case count
    /// opossum: error rate > 50% over 10s, timer half-open.
    case rate
    /// pybreaker: 5 consecutive failures, trials without a limit.
    case consecutive
  }

  /// A breaker of `policy` brought into `state` by a little traffic.
  static func driver(_ policy: Policy, in state: BreakerState) -> Driver {
    switch policy {
    case .count: lesson(in: state)
    case .rate: opossum(in: state)
    case .consecutive: pybreaker(in: state)
    }
  }

  /// `payments` (lesson): closed with 3 counted failures and one expired, or tripped at 24s
  /// and seen at 30s, or half-open with its trial in flight at 60s.
  static func lesson(in state: BreakerState) -> Driver {
    var driver = Driver("payments", .lesson)
    switch state {
    case .closed:
      driver.call(.failure, at: 2_000)
      driver.traffic(every: 5_000, from: 5_000, through: 65_000) { time in
        [10_000, 20_000, 40_000].contains(time) ? .failure : .success
      }
    case .open:
      tripLesson(&driver)
      driver.advance(to: 30_000)
    case .halfOpen:
      tripLesson(&driver)
      _ = driver.start(at: 60_000)
    }
    return driver
  }

  /// Successes every 5s, then five failures a second apart from 20s: OPEN at 24s.
  static func tripLesson(_ driver: inout Driver) {
    driver.traffic(every: 5_000, from: 0, through: 15_000) { _ in .success }
    driver.traffic(every: 1_000, from: 20_000, through: 24_000) { _ in .failure }
  }

  /// `search` (opossum): closed at 40% errors, or tripped at 25s and seen at 30s, or
  /// half-opened by its timer at 55s and seen at 56s.
  static func opossum(in state: BreakerState) -> Driver {
    var driver = Driver("search", .opossum)
    switch state {
    case .closed:
      driver.traffic(every: 1_000, from: 0, through: 30_000) { time in
        [22_000, 25_000, 27_000, 29_000].contains(time) ? .failure : .success
      }
    case .open:
      driver.traffic(every: 1_000, from: 0, through: 25_000) { $0 >= 20_000 ? .failure : .success }
      driver.advance(to: 30_000)
    case .halfOpen:
      driver.traffic(every: 1_000, from: 0, through: 25_000) { $0 >= 20_000 ? .failure : .success }
      driver.advance(to: 56_000)
    }
    return driver
  }

  /// `inventory` (pybreaker): two failures in a row, or tripped by five at 14s and seen at
  /// 24s, or half-open at 75s with one trial in flight.
  static func pybreaker(in state: BreakerState) -> Driver {
    var driver = Driver("inventory", .pybreaker)
    driver.traffic(every: 1_000, from: 0, through: 9_000) { _ in .success }
    switch state {
    case .closed:
      driver.traffic(every: 1_000, from: 10_000, through: 11_000) { _ in .failure }
      driver.advance(to: 20_000)
    case .open:
      driver.traffic(every: 1_000, from: 10_000, through: 14_000) { _ in .failure }
      driver.advance(to: 24_000)
    case .halfOpen:
      driver.traffic(every: 1_000, from: 10_000, through: 14_000) { _ in .failure }
      _ = driver.start(at: 75_000)
    }
    return driver
  }

  /// `checkout` (Hystrix): 12 of 30 calls failed in the last 10s, below its 50% rate.
  static func hystrixClosed() -> Driver {
    var driver = Driver("checkout", .hystrix)
    driver.traffic(every: 250, from: 2_750, through: 10_000) { time in
      time % 1_000 == 0 || time % 1_000 == 500 && time < 7_000 ? .failure : .success
    }
    return driver
  }

  /// `ledger` (resilience4j): 40 calls of its last-100 window, 14 failed.
  static func resilience4jClosed() -> Driver {
    var driver = Driver("ledger", .resilience4j)
    driver.traffic(every: 500, from: 0, through: 19_500) { time in
      time % 3_000 == 0 || time == 10_500 ? .failure : .success
    }
    return driver
  }

  /// The outage the timelines show: healthy until 20s, failing fast until 40s, hanging (each
  /// call timing out) until 60s, healthy again after.
  static func outage(_ time: Milliseconds) -> Outcome {
    switch time {
    case 20_000..<40_000: .failure
    case 40_000..<60_000: .timeout
    default: .success
    }
  }

  /// A breaker fed the outage traffic, a call every 500ms until 2m.
  static func outageDriver(_ name: String, _ preset: Preset) -> Driver {
    var driver = Driver(name, preset)
    driver.traffic(every: 500, from: 0, through: 120_000, outage)
    driver.advance(to: 120_000)
    return driver
  }
}
