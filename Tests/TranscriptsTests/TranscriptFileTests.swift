import Foundation
import Lessons
import Testing
import Transcripts

/// Every transcript of the repository replays green: each `*.lab` file under `transcripts/`
/// and each lesson in `lessons/`, one test case per file, each through a course session
/// over the real course.
@Suite("Transcript files of the repository")
struct TranscriptFileTests {
  /// The files to replay, named by their path relative to the package root.
  static let files: [RepositoryFile] =
    (Repository.files(under: "transcripts", suffix: ".lab", recursive: true)
    + Repository.files(under: "lessons", suffix: ".md", recursive: false))
    .map(RepositoryFile.init(relativePath:))

  @Test("replays green", arguments: files)
  func replaysGreen(_ file: RepositoryFile) throws {
    let text = try file.text()
    let transcript: Transcript
    do {
      transcript = try TranscriptParser.parse(text, path: file.relativePath)
    } catch {
      Issue.record(Comment(rawValue: "\(error)"))
      return
    }
    let result = Replayer.replay(transcript) { settings in
      Replay.session(settings, course: Repository.course)
    }
    for failure in result.failures {
      let diff = DiffReport.lines(for: failure, path: file.relativePath)
      Issue.record(Comment(rawValue: diff.joined(separator: "\n")))
    }
  }
}
