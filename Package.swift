// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "breaker-lab",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "breakerlab", targets: ["breakerlab"]),
    .library(name: "BreakerCore", targets: ["BreakerCore"]),
    .library(name: "Simulation", targets: ["Simulation"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
  ],
  targets: [
    .target(name: "BreakerCore"),
    .target(
      name: "Simulation",
      dependencies: [
        "BreakerCore",
        .product(name: "DequeModule", package: "swift-collections"),
      ]
    ),
    .systemLibrary(
      name: "CEditLine", pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"]), .brew(["libedit"])]),
    .target(name: "LineEditing", dependencies: ["CEditLine"]),
    .target(name: "Diagrams", dependencies: ["BreakerCore", "Simulation"]),
    .target(name: "LabCommands", dependencies: ["BreakerCore", "Simulation", "Diagrams"]),
    .target(name: "Transcripts", dependencies: ["LabCommands", "Diagrams"]),
    .target(
      name: "Lessons",
      dependencies: ["BreakerCore", "Simulation", "Diagrams", "LabCommands", "Transcripts"]),
    .target(
      name: "Interactive",
      dependencies: ["BreakerCore", "Simulation", "LabCommands", "Lessons", "LineEditing"]),
    .executableTarget(
      name: "breakerlab",
      dependencies: [
        "BreakerCore",
        "Simulation",
        "LabCommands",
        "LineEditing",
        "Interactive",
        "Diagrams",
        "Transcripts",
        "Lessons",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "BreakerCoreTests", dependencies: ["BreakerCore"]),
    .testTarget(name: "SimulationTests", dependencies: ["Simulation"]),
    .testTarget(name: "LabCommandsTests", dependencies: ["LabCommands"]),
    .testTarget(
      name: "DiagramsTests", dependencies: ["Diagrams"],
      resources: [.copy("Snapshots")]),
    .target(name: "LabTestSupport", path: "Tests/LabTestSupport"),
    .testTarget(name: "EndToEndTests", dependencies: ["breakerlab", "LabTestSupport"]),
    .testTarget(
      name: "TranscriptsTests",
      dependencies: ["Transcripts", "Lessons", "LabCommands", "LabTestSupport", "breakerlab"]),
    .testTarget(
      name: "LessonsTests",
      dependencies: ["Lessons", "Transcripts", "LabCommands", "Interactive", "LineEditing"]),
  ]
)

for target in package.targets where target.type != .system {
  var settings = target.swiftSettings ?? []
  settings.append(.enableUpcomingFeature("ExistentialAny"))
  settings.append(.enableUpcomingFeature("MemberImportVisibility"))
  target.swiftSettings = settings
}
