import Interactive
import Transcripts

/// Writes the interactive session to a transcript file as it goes (`--record FILE` or the
/// `record FILE` command), so a recording survives Ctrl-D or a crash and replays green.
final class Recorder {
  private var trace: FileTrace?
  private(set) var path: String?
  let settings: SessionSettings

  init(settings: SessionSettings) {
    self.settings = settings
  }

  /// Starts recording to `path`, writing the header and the session so far.
  func start(_ path: String, session: [REPL.Exchange]) -> [String] {
    do {
      let file = try FileTrace(path: path)
      for line in TranscriptWriter.header(settings) { file.write(line: line) }
      for exchange in session { write(exchange.input, exchange.output, to: file) }
      file.flush()
      trace = file
      self.path = path
      return ["recording to \(path) (the whole session so far is in it)"]
    } catch {
      return ["error: \(error)"]
    }
  }

  /// Adds one exchange to the recording, if one is running.
  func record(_ input: String, _ output: [String]) {
    guard let trace else { return }
    write(input, output, to: trace)
    trace.flush()
  }

  private func write(_ input: String, _ output: [String], to file: FileTrace) {
    guard !input.allSatisfy({ $0 == " " || $0 == "\t" }) else { return }
    for line in TranscriptWriter.lines(input: input, output: output) { file.write(line: line) }
  }

  /// Stops recording.
  func stop() -> [String] {
    guard let path else { return ["not recording; start with 'record FILE'"] }
    trace = nil
    self.path = nil
    return ["recording saved to \(path); replay it with 'breakerlab replay \(path)'"]
  }

  /// Handles the `record` command's words.
  func command(_ arguments: [String], session: [REPL.Exchange]) -> [String] {
    switch arguments.count {
    case 0:
      return [
        path.map { "recording to \($0); 'record stop' ends it" }
          ?? "not recording; 'record FILE' starts (usage: record FILE | record stop)"
      ]
    case 1 where arguments[0] == "stop":
      return stop()
    case 1:
      if path != nil { _ = stop() }
      return start(arguments[0], session: session)
    default:
      return ["error: usage: record FILE | record stop"]
    }
  }
}
