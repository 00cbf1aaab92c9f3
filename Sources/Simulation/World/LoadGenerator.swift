import BreakerCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Traffic to one service at a steady rate over a span of virtual time.
struct LoadGenerator: Sendable {
  var service: Int
  /// Calls per second.
  var rate: Double
  var start: Milliseconds
  var end: Milliseconds
  var poisson: Bool
  /// Arrivals so far.
  var emitted: Int64 = 0
  /// Poisson: the exact (fractional) time of the next arrival.
  var nextExact: Double
  /// The next arrival's time and sequence number, if any: it is ordered among the world's
  /// events as if it were on the queue, but is kept here (see ``World/nextEventKey``).
  var due: ScheduledEvent.Key?

  init(service: Int, rate: Double, start: Milliseconds, end: Milliseconds, poisson: Bool) {
    self.service = service
    self.rate = rate
    self.start = start
    self.end = end
    self.poisson = poisson
    self.nextExact = Double(start)
  }

  /// How many calls an evenly spaced load makes: one every 1000/rate ms from `start`,
  /// strictly before `end`.
  static func evenCount(rate: Double, duration: Milliseconds) -> Double {
    (rate * Double(duration) / 1000).rounded(.up)
  }

  /// The time of the next arrival, drawing a Poisson gap if needed, or `nil` when done.
  mutating func nextArrival(using random: inout SplitMix64) -> Milliseconds? {
    let time: Milliseconds
    if poisson {
      if emitted > 0 {
        let gap = -log1p(-random.unit()) * 1000 / rate
        nextExact += gap
      }
      guard nextExact < Double(end) else { return nil }
      time = Milliseconds(nextExact)
    } else {
      // The offset is never negative, so converting it (which truncates) rounds it down, as
      // `rounded(.down)` did, without a call to `floor`.
      time = start + Milliseconds(Double(emitted) * 1000 / rate)
      guard time < end else { return nil }
    }
    emitted += 1
    return time
  }
}
