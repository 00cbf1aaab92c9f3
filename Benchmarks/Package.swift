// swift-tools-version:6.1
import PackageDescription

// Benchmarks for Breaker Lab, kept in their own package so that the lab's own build and CI
// never fetch or compile the benchmark framework. Run from this folder:
//
//   swift package benchmark                       # every benchmark (release mode)
//   swift run -c release SimulationPeakRSS        # one simulated hour in a fresh process
//
// See README.md.
let package = Package(
  name: "breaker-lab-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "breaker-lab", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "BreakerBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "BreakerCore", package: "breaker-lab"),
        .product(name: "Simulation", package: "breaker-lab"),
      ],
      path: "Benchmarks/BreakerBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
    // A plain executable (no benchmark framework) that runs the one-hour load once, so that
    // `/usr/bin/time -v` can report the peak RSS of a whole process doing just that.
    .executableTarget(
      name: "SimulationPeakRSS",
      dependencies: [
        .product(name: "BreakerCore", package: "breaker-lab"),
        .product(name: "Simulation", package: "breaker-lab"),
      ],
      path: "Sources/SimulationPeakRSS"
    ),
    // The per-call benchmarks as a plain program, for profilers and as a cross-check.
    .executableTarget(
      name: "HotPaths",
      dependencies: [.product(name: "BreakerCore", package: "breaker-lab")],
      path: "Sources/HotPaths"
    ),
  ]
)
