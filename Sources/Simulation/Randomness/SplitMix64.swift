/// A small, fast, seeded random number generator (SplitMix64).
///
/// The world draws every random choice (flaky failures, Poisson arrivals) from one of these,
/// so the same seed always gives the same run.
public struct SplitMix64: RandomNumberGenerator, Sendable, Equatable {
  private var state: UInt64

  /// Creates a generator from a seed.
  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform value in [0, 1) with 53 bits of precision.
  public mutating func unit() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }
}
