import Foundation
import Testing

/// Runs the built `breakerlab` executable in a scratch folder of its own, for the tests
/// that check the program end to end.
public struct BuiltBinary {
  /// What one run printed and how it ended.
  public struct Run {
    public var stdout: String
    public var stderr: String
    public var status: Int32
    /// Standard output as bytes, for byte-for-byte comparisons.
    public var stdoutData: Data

    /// The lines of standard output.
    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
  }

  /// The folder the runs happen in.
  public let folder: URL

  /// A fresh temporary folder.
  public init() throws {
    folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("breakerlab-test-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  }

  /// Removes the folder.
  public func cleanUp() {
    try? FileManager.default.removeItem(at: folder)
  }

  /// The path of a file in the folder.
  public func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  /// Writes a file in the folder.
  public func write(_ name: String, _ text: String) throws {
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
  }

  /// Reads a file from the folder.
  public func read(_ name: String) throws -> Data {
    try Data(contentsOf: folder.appendingPathComponent(name))
  }

  /// The executable, found next to the test bundle (`.build/<config>/breakerlab`).
  public static let executable: URL? = {
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
    candidates.append(package.appendingPathComponent(".build/debug/breakerlab"))
    return candidates.first { url in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        && !isFolder.boolValue && FileManager.default.isExecutableFile(atPath: url.path)
    }
  }()

  /// Runs `breakerlab ARGUMENTS` in the folder with `input` on standard input. `CI` is
  /// removed from the environment unless `environment` sets it.
  public func run(_ arguments: [String], input: String = "", environment: [String: String] = [:])
    throws -> Run
  {
    let executable = try #require(
      BuiltBinary.executable, "breakerlab is not built next to the tests; run 'swift build' first")
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var variables = ProcessInfo.processInfo.environment
    variables["CI"] = nil
    variables["NO_COLOR"] = "1"
    variables.merge(environment) { $1 }
    process.environment = variables
    // Files rather than pipes: a large output can never fill a pipe and block the child.
    let name = UUID().uuidString
    let inURL = folder.appendingPathComponent("\(name).stdin")
    let outURL = folder.appendingPathComponent("\(name).stdout")
    let errURL = folder.appendingPathComponent("\(name).stderr")
    try Data(input.utf8).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let stdin = try FileHandle(forReadingFrom: inURL)
    let stdout = try FileHandle(forWritingTo: outURL)
    let stderr = try FileHandle(forWritingTo: errURL)
    defer {
      try? stdin.close()
      try? stdout.close()
      try? stderr.close()
      for url in [inURL, outURL, errURL] { try? FileManager.default.removeItem(at: url) }
    }
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    process.waitUntilExit()
    let output = try Data(contentsOf: outURL)
    return Run(
      stdout: String(decoding: output, as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
      status: process.terminationStatus, stdoutData: output)
  }
}
