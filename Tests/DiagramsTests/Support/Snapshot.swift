import Foundation
import Testing

/// Compares rendered lines with the golden file `Snapshots/<name>.txt`.
///
/// Set `RECORD_SNAPSHOTS=1` to write the files into the source tree instead (found from this
/// file's `#filePath`); rebuild afterwards so the test bundle picks them up.
/// - Parameters:
///   - lines: The rendered lines.
///   - name: The snapshot's file name, without `.txt`.
func assertSnapshot(
  _ lines: [String], named name: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  let text = lines.joined(separator: "\n") + "\n"
  if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
    let folder = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Snapshots")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try text.write(
        to: folder.appendingPathComponent("\(name).txt"), atomically: true, encoding: .utf8)
    } catch {
      Issue.record("could not record snapshot '\(name)': \(error)", sourceLocation: sourceLocation)
    }
    return
  }
  guard
    let url = Bundle.module.url(
      forResource: name, withExtension: "txt", subdirectory: "Snapshots"),
    let expected = try? String(contentsOf: url, encoding: .utf8)
  else {
    Issue.record(
      "missing snapshot '\(name)'; run with RECORD_SNAPSHOTS=1 to record it",
      sourceLocation: sourceLocation)
    return
  }
  #expect(text == expected, "snapshot '\(name)' differs", sourceLocation: sourceLocation)
}
