import Foundation
import Lessons
import Testing
import Transcripts

/// The package this test target belongs to: its root folder, its course and its files.
enum Repository {
  /// The package root: the nearest folder above this file that holds `Package.swift`.
  static let root: URL = {
    var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while folder.path != "/" {
      if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path)
      {
        return folder
      }
      folder = folder.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }()

  /// The real course, loaded from `lessons/`.
  static let course: Course = Course.load(directory: path("lessons")).course

  /// The absolute path of a file or folder given relative to the root.
  static func path(_ relative: String) -> String {
    root.appendingPathComponent(relative).path
  }

  /// Every file below `folder` (relative to the root) whose name ends in `suffix`, sorted,
  /// as paths relative to the root; none when the folder does not exist.
  static func files(under folder: String, suffix: String, recursive: Bool) -> [String] {
    let base = path(folder)
    let manager = FileManager.default
    let names: [String]
    if recursive {
      names = (manager.enumerator(atPath: base)?.allObjects as? [String]) ?? []
    } else {
      names = (try? manager.contentsOfDirectory(atPath: base)) ?? []
    }
    return names.filter { $0.hasSuffix(suffix) }.sorted().map { folder + "/" + $0 }
  }
}

/// A file of the repository, named in test results by its path relative to the root.
struct RepositoryFile: Sendable, CustomTestStringConvertible {
  /// The path relative to the package root, e.g. `lessons/01-why-breakers.md`.
  var relativePath: String

  var testDescription: String { relativePath }

  /// The file's text, if it can be read.
  func text() throws -> String {
    try String(contentsOfFile: Repository.path(relativePath), encoding: .utf8)
  }
}

/// Replaying transcripts the way `breakerlab replay` does: through a course session.
enum Replay {
  /// A course session over a fresh lab with `settings`, progress kept in memory.
  static func session(_ settings: SessionSettings, course: Course) -> CourseSession {
    CourseSession(course: course, lab: Replayer.session(settings), store: MemoryProgressStore())
  }

  /// Parses `text` and replays it against course sessions.
  static func run(_ text: String, path: String, course: Course = Repository.course) throws
    -> Replayer.Result
  {
    let transcript = try TranscriptParser.parse(text, path: path)
    return Replayer.replay(transcript) { session($0, course: course) }
  }

  /// Every diff of a result, as `breakerlab replay` prints it.
  static func diff(_ result: Replayer.Result, path: String) -> [String] {
    result.failures.flatMap { DiffReport.lines(for: $0, path: path) }
  }
}
