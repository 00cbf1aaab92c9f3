import ArgumentParser
import BreakerCore
import LabCommands
import Lessons
import LineEditing
import Simulation
import Transcripts

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `breakerlab demo FILE`: plays a transcript to a class, one command at a time.
struct DemoTranscript: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Play a transcript for a class: each command as if typed, then its output.",
    discussion: """
      Comments in the transcript are shown as narration. By default the demo waits for \
      Enter before each command (--step); --delay runs on by itself. The output shown is \
      the lab's own, run live. --asciicast writes an asciicast v2 recording with \
      deterministic timings instead of playing.
      """)

  @Argument(help: "The transcript to play (.lab, or Markdown with ```lab blocks).")
  var file: String

  @Flag(help: "Wait for Enter before each command (the default).")
  var step = false

  @Option(help: "Instead of waiting for Enter, pause this long before each command (e.g. 2s).")
  var delay: String?

  @Option(help: "Write an asciicast v2 file (for asciinema) instead of playing.")
  var asciicast: String?

  @Option(help: "The folder of lesson files that course commands in the transcript use.")
  var lessons: String?

  func validate() throws {
    if let delay, DurationText.parse(delay) == nil {
      throw ValidationError("--delay must be a duration such as 1s or 500ms; got '\(delay)'")
    }
    if step && delay != nil { throw ValidationError("choose --step or --delay, not both") }
  }

  func run() throws {
    let text = try FileIO.contents(of: file)
    let transcript: Transcript
    do {
      transcript = try TranscriptParser.parse(text, path: file)
    } catch {
      FileIO.printError("\(error)")
      throw ExitCode(2)
    }
    var cast = Asciicast(width: transcript.settings.width, title: file)
    let course = Course.load(directory: lessons ?? Paths.defaultLessons()).course
    let pause = delay.flatMap(DurationText.parse)
    let live = asciicast == nil
    Replayer.walk(transcript) { settings in
      CourseSession.forReplay(course: course, settings: settings)
    } visit: { step, _, session in
      if step.input.hasPrefix("#") {
        let narration = "# " + step.input.dropFirst().drop(while: { $0 == " " })
        cast.marker(String(narration.dropFirst(2)))
        cast.output([narration])
        if live { print(narration) }
        return
      }
      if live { wait(pause) }
      let prompt = "\(session.clockText) lab> "
      cast.typed(prompt: prompt, command: step.input)
      if live { type(prompt, step.input) }
      let output = session.printed(for: step.input)
      cast.output(output)
      if live { for line in output { print(line) } }
    }
    if let asciicast {
      do {
        try FileIO.write(cast.text, to: asciicast)
        print("wrote \(asciicast) (\(cast.duration) s); play it with 'asciinema play \(asciicast)'")
      } catch {
        FileIO.printError("breakerlab: \(error)")
        throw ExitCode(2)
      }
    }
  }

  /// Waits for Enter, or for the delay.
  private func wait(_ pause: Milliseconds?) {
    if let pause {
      usleep(UInt32(min(pause, 60_000) * 1000))
    } else if isatty(STDIN_FILENO) != 0 {
      _ = readLine()
    }
  }

  /// Shows the command as if typed (character by character on a terminal).
  private func type(_ prompt: String, _ command: String) {
    print(prompt, terminator: "")
    guard isatty(STDOUT_FILENO) != 0 else {
      print(command)
      return
    }
    for character in command {
      print(character, terminator: "")
      fflush(nil)
      usleep(35_000)
    }
    print("")
  }
}

/// An asciicast v2 recording with synthetic, deterministic timings.
struct Asciicast {
  private var events: [String] = []
  private var clock = 0.0
  let width: Int
  let title: String

  init(width: Int, title: String) {
    self.width = width
    self.title = title
  }

  mutating func typed(prompt: String, command: String) {
    clock += 1.0
    emit("o", prompt)
    for character in command {
      clock += 0.05
      emit("o", String(character))
    }
    clock += 0.4
    emit("o", "\r\n")
  }

  mutating func output(_ lines: [String]) {
    clock += 0.2
    for line in lines { emit("o", line + "\r\n") }
    clock += 0.8
  }

  mutating func marker(_ label: String) {
    emit("m", label)
  }

  private mutating func emit(_ code: String, _ data: String) {
    events.append("[\(Asciicast.seconds(clock)), \"\(code)\", \(TraceFormat.quote(data))]")
  }

  var duration: String { Asciicast.seconds(clock) }

  var text: String {
    let header =
      "{\"version\": 2, \"width\": \(width), \"height\": 40, \"title\": "
      + "\(TraceFormat.quote(title)), \"env\": {\"TERM\": \"xterm-256color\"}}"
    return ([header] + events).joined(separator: "\n") + "\n"
  }

  /// Seconds with three decimals, exactly (no floating-point noise in the file).
  static func seconds(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }
}
