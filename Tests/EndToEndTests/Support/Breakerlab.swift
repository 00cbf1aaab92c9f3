import Foundation
import Testing

/// Runs the built `breakerlab` executable in a scratch folder of its own.
struct Breakerlab {
  /// What one run printed and how it ended.
  struct Run {
    var stdout: String
    var stderr: String
    var status: Int32
    var stdoutData: Data
  }

  /// The folder the runs happen in; files are created here.
  let folder: URL

  /// A fresh temporary folder.
  init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("breakerlab-e2e-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// Removes the folder.
  func cleanUp() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// Writes a file in the folder.
  func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
  }

  /// Reads a file from the folder.
  func read(_ name: String) throws -> Data {
    try Data(contentsOf: folder.appendingPathComponent(name))
  }

  /// The executable: next to the test bundle (`.build/<config>/`), else `.build/debug`.
  static let executable: URL? = {
    let manager = FileManager.default
    var candidates: [URL] = []
    for start in [
      URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath(),
      URL(fileURLWithPath: CommandLine.arguments.first ?? "").standardizedFileURL,
    ] {
      var folder = start.deletingLastPathComponent()
      // On macOS the test binary sits inside `X.xctest/Contents/MacOS`; climb out of it.
      for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("breakerlab"))
        folder = folder.deletingLastPathComponent()
      }
    }
    let package = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    candidates.append(package.appendingPathComponent(".build/debug/breakerlab"))
    return candidates.first { url in
      var isFolder: ObjCBool = false
      return manager.fileExists(atPath: url.path, isDirectory: &isFolder) && !isFolder.boolValue
        && manager.isExecutableFile(atPath: url.path)
    }
  }()

  /// Runs `breakerlab ARGUMENTS` in the folder, with empty standard input.
  func run(_ arguments: [String]) throws -> Run {
    let executable = try #require(Breakerlab.executable, "breakerlab was not built")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    // Files rather than pipes: a large output can never fill a pipe and block the child.
    let name = UUID().uuidString
    let outURL = folder.appendingPathComponent("\(name).stdout")
    let errURL = folder.appendingPathComponent("\(name).stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    let stdout = try Data(contentsOf: outURL)
    let stderr = try Data(contentsOf: errURL)
    try? FileManager.default.removeItem(at: outURL)
    try? FileManager.default.removeItem(at: errURL)
    return Run(
      stdout: String(decoding: stdout, as: UTF8.self),
      stderr: String(decoding: stderr, as: UTF8.self), status: process.terminationStatus,
      stdoutData: stdout)
  }
}
