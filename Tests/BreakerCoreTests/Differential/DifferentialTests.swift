import BreakerCore
import Testing

/// The presets that claim to be a real library are checked against an independent, literal
/// port of that library on hundreds of random call sequences: any difference in an
/// admitted/rejected decision or in a transition's time fails.
@Suite("Presets agree with independent ports of the real libraries")
struct DifferentialTests {
  static let seeds = Array(UInt64(1)...UInt64(400))

  @Test("like=opossum matches opossum 10", arguments: seeds)
  func opossum(seed: UInt64) throws {
    var random = TestRandom(seed: seed)
    let rate = Double(random.pick([0, 10, 25, 50, 50, 50, 75, 99, 100]))
    let volume = random.pick([0, 0, 1, 3, 5, 10])
    let rolling = random.pick([1000, 3000, 10_000, 10_000, 60_000])
    let buckets = random.pick([1, 3, 7, 10, 10])
    let reset = random.pick([1, 500, 5000, 30_000])
    var config = try Preset.opossum.configuration.applying([
      ("rate", "\(Int(rate))"), ("volume", "\(volume)"), ("rolling", "\(rolling)ms"),
      ("buckets", "\(buckets)"), ("reset", "\(reset)ms"),
    ])
    config.timeout = nil
    var reference = ReferenceDriver(config)
    var oracle = OpossumOracle(
      errorThresholdPercentage: rate, volumeThreshold: volume,
      rollingCountTimeout: Int64(rolling), rollingCountBuckets: buckets,
      resetTimeout: Int64(reset))
    let shape = Differential.Shape(
      concurrency: random.pick([1, 2, 5]),
      gaps: [0...0, 0...50, 0...(rolling / buckets), 0...reset * 2], steps: 300,
      failurePercent: random.pick([20, 50, 80]), timeoutPercent: random.pick([0, 10]))
    let divergence = Differential.firstDivergence(
      reference: &reference, oracle: &oracle, shape: shape, random: &random)
    #expect(divergence == nil, "seed \(seed): \(divergence ?? "")")
  }

  @Test("like=pybreaker matches pybreaker 1.4", arguments: seeds)
  func pybreaker(seed: UInt64) throws {
    var random = TestRandom(seed: seed)
    let failMax = random.pick([1, 2, 3, 5, 5])
    let reset = random.pick([1, 100, 1000, 60_000])
    let successes = random.pick([1, 1, 2, 3])
    let config = try Preset.pybreaker.configuration.applying([
      ("threshold", "\(failMax)"), ("reset", "\(reset)ms"), ("successes", "\(successes)"),
    ])
    var reference = ReferenceDriver(config)
    var oracle = PyBreakerOracle(
      failMax: failMax, resetTimeout: Int64(reset), successThreshold: successes)
    // pybreaker serialises calls under a lock, so calls never overlap.
    let shape = Differential.Shape(
      concurrency: 1, gaps: [0...0, 0...10, 0...reset * 2], steps: 300,
      failurePercent: random.pick([30, 50, 80]), timeoutPercent: 0)
    let divergence = Differential.firstDivergence(
      reference: &reference, oracle: &oracle, shape: shape, random: &random)
    #expect(divergence == nil, "seed \(seed): \(divergence ?? "")")
  }

  @Test("like=lesson matches the lesson's breaker", arguments: seeds)
  func lesson(seed: UInt64) throws {
    var random = TestRandom(seed: seed)
    let threshold = random.pick([1, 2, 3, 5])
    let window = random.pick([100, 1000, 60_000])
    let reset = random.pick([1, 500, 30_000])
    let trials: Int? = random.pick([1, 1, 2, nil])
    let config = try Preset.lesson.configuration.applying([
      ("threshold", "\(threshold)"), ("window", "\(window)ms"), ("reset", "\(reset)ms"),
      ("trials", trials.map { "\($0)" } ?? "unlimited"),
    ])
    var reference = ReferenceDriver(config)
    var oracle = LessonOracle(
      failureThreshold: threshold, resetTimeout: Int64(reset), monitorWindow: Int64(window),
      trialLimit: trials)
    let shape = Differential.Shape(
      concurrency: random.pick([1, 3]), gaps: [0...0, 0...window, 0...reset * 2], steps: 300,
      failurePercent: random.pick([30, 60, 90]), timeoutPercent: random.pick([0, 10]))
    let divergence = Differential.firstDivergence(
      reference: &reference, oracle: &oracle, shape: shape, random: &random)
    #expect(divergence == nil, "seed \(seed): \(divergence ?? "")")
  }
}
