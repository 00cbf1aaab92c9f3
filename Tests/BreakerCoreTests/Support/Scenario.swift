import BreakerCore
import Testing

/// One scripted history of a breaker: a preset, settings on top, a script for
/// ``BreakerHarness`` and the exact transition log a user should see.
struct Scenario: Sendable, CustomTestStringConvertible {
  var name: String
  var preset: Preset
  var settings: [String]
  var script: String
  var expected: [String]

  init(
    _ name: String, _ preset: Preset, _ settings: [String] = [], script: String,
    expected: [String]
  ) {
    self.name = name
    self.preset = preset
    self.settings = settings
    self.script = script
    self.expected = expected
  }

  var testDescription: String {
    let like = (["like=\(preset.rawValue)"] + settings).joined(separator: " ")
    return "\(like): \(name)"
  }

  /// Runs the script on a fresh breaker and checks the log.
  func check(sourceLocation: SourceLocation = #_sourceLocation) throws {
    var harness = try BreakerHarness(preset, settings)
    let log = harness.run(script, sourceLocation: sourceLocation)
    #expect(log == expected, "\(testDescription)", sourceLocation: sourceLocation)
  }
}
