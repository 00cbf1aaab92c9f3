import LabCommands
import Lessons
import Testing
import Transcripts

/// The output contract that makes every session recordable: the lab never prints a line
/// that a transcript would read as something else — one starting with the input token
/// `lab> `, one that is `...` alone, or one holding `{{`. Names and text the learner typed
/// come back in errors and verdicts, so these inputs try to smuggle all three through.
@Suite("Output contract")
struct OutputContractTests {
  /// A lesson whose prose, hints and feedback hold all three forbidden forms.
  static let lesson = """
    ---
    id: 1
    title: Tricky {{text}}
    summary: prose that looks like transcript syntax
    ---

    ## Step {{one}}

    ...
    lab> breaker api
    Text with {{..}} in it.

    ```lab
    lab> breaker api
    breaker api created: {{..}}
    ```

    ```exercise
    kind: quiz
    question: Which {{one}}?
      ...
    choice: a) lab> this one
    choice: b) {{that}} one
    correct: a
    hint: ...
    hint: {{x}}
    feedback: b => lab> no {{x}}
    wrong: b => no
    explain: lab> because
      ...
    ```

    ## Predict {{it}}

    ```exercise
    kind: predict
    question: State?
    setup:
      breaker api
    scenario:
      fail api 5
    ask: state api
    hint: h
    wrong: CLOSED => OPEN
    explain: e
    ```
    """

  static let inputs: [String] = [
    "breaker {{x",
    "breaker {{x}}",
    "service {{..}} up",
    "call {{INT}}",
    "show lab> x",
    "lab> breaker api",
    "...",
    "breaker ...",
    "call ...",
    "stats {{x",
    "help {{x",
    "breaker api threshold={{x",
    "breaker api like={{x}}",
    "{{..}}",
    ":goto {{x",
    ":start {{",
    ":forget {{x",
    ":{{x",
    ":lessons",
    ":start",
    ":step",
    ":hint",
    ":hint",
    ":hint",
    ":answer b",
    ":answer {{x}}",
    ":skip",
    ":solution",
    ":next",
    ":answer {{x",
    ":answer lab> x",
    ":answer ...",
    ":skip",
    ":solution",
    ":demo",
    ":back",
    ":demo",
    ":progress",
    ":sandbox",
    "breaker {{y",
    ":goto {{y",
    ":resume",
  ]

  /// Why a line breaks the contract, or `nil` when it keeps it.
  static func violation(_ line: String) -> String? {
    if line.hasPrefix(Transcript.prompt) { return "starts with 'lab> '" }
    if line == "..." { return "is '...' alone" }
    if line.contains("{{") { return "holds '{{'" }
    return nil
  }

  @Test("the lab alone keeps the contract", arguments: inputs)
  func lab(_ input: String) {
    var lab = Replayer.session(SessionSettings())
    _ = lab.printed(for: "breaker api")
    for line in lab.printed(for: input) {
      #expect(Self.violation(line) == nil, "'\(input)' printed '\(line)'")
    }
  }

  @Test("a course session keeps the contract, in a lesson and in the sandbox")
  func courseSession() throws {
    let lesson = try LessonParser.parse(Self.lesson, path: "lessons/01-tricky.md")
    let course = Course(lessons: [lesson], directory: "lessons")
    var session = Replay.session(SessionSettings(), course: course)
    for input in Self.inputs {
      for line in session.printed(for: input) {
        #expect(Self.violation(line) == nil, "'\(input)' printed '\(line)'")
      }
    }
  }

  @Test("a session with every forbidden form in it records and replays green")
  func recordsAndReplays() throws {
    let lesson = try LessonParser.parse(Self.lesson, path: "lessons/01-tricky.md")
    let course = Course(lessons: [lesson], directory: "lessons")
    var session = Replay.session(SessionSettings(), course: course)
    var lines = TranscriptWriter.header(SessionSettings())
    for input in Self.inputs {
      lines += TranscriptWriter.lines(input: input, output: session.printed(for: input))
    }
    let text = lines.joined(separator: "\n") + "\n"
    let result = try Replay.run(text, path: "tricky.lab", course: course)
    #expect(result.passed, "\(Replay.diff(result, path: "tricky.lab").joined(separator: "\n"))")
    #expect(result.steps == Self.inputs.count)
  }
}
