import Lessons
import Testing
import Transcripts

/// Reading lesson files: front matter, steps and their ids, exercise keys, and errors that
/// name the line of the problem.
@Suite("LessonParser")
struct LessonParserTests {
  static let wellFormed = """
    ---
    id: 3
    title: Half-open
    summary: what a trial is
    ---

    # Half-open

    The introduction.

    ## First step

    Prose of the first step.

    ```lab
    lab> breaker api
    breaker api created: {{..}}
    ```

    ## Second step

    ```exercise
    kind: predict
    question: After these commands,
      what state is api in?
    setup:
      reset
      breaker api threshold=2
    scenario:
      fail api 2
      advance 31s
    ask: state api
    hint: How many failures open it?
    hint: How long does it wait?
      Thirty seconds.
    wrong: CLOSED => OPEN
    wrong: half-open => api is OPEN
    explain: Two failures open it;
      it stays OPEN until a call arrives.
    ```

    ## Third step

    ```lab fresh
    lab> stats
    ```
    """

  @Test("front matter, introduction, steps with ids N.M and their demonstrations")
  func structure() throws {
    let lesson = try LessonParser.parse(Self.wellFormed, path: "lessons/03-half-open.md")
    #expect(lesson.id == 3)
    #expect(lesson.title == "Half-open")
    #expect(lesson.summary == "what a trial is")
    #expect(lesson.path == "lessons/03-half-open.md")
    #expect(lesson.introduction.contains("The introduction."))
    #expect(!lesson.introduction.contains("# Half-open"))
    #expect(lesson.steps.map(\.id) == ["3.1", "3.2", "3.3"])
    #expect(lesson.steps.map(\.title) == ["First step", "Second step", "Third step"])
    #expect(lesson.steps.map(\.line) == [11, 20, 42])
    #expect(lesson.steps.map(\.demos.count) == [1, 0, 1])
    #expect(lesson.steps[0].demos.first?.steps.map(\.input) == ["breaker api"])
    #expect(lesson.steps[2].demos.first?.fresh == true)
    #expect(lesson.steps[0].text.contains("Prose of the first step."))
    #expect(lesson.steps.map { $0.exercise != nil } == [false, true, false])
    #expect(lesson.transcript.blocks.count == 2)
  }

  @Test("exercise keys: lists, repeated keys, continuation lines and 'wrong: X => Y'")
  func exerciseKeys() throws {
    let lesson = try LessonParser.parse(Self.wellFormed, path: "lessons/03-half-open.md")
    let exercise = try #require(lesson.steps[1].exercise)
    #expect(exercise.kind == .predict)
    #expect(exercise.question == ["After these commands,", "what state is api in?"])
    #expect(exercise.setup == ["reset", "breaker api threshold=2"])
    #expect(exercise.scenario == ["fail api 2", "advance 31s"])
    #expect(exercise.ask == "state api")
    #expect(
      exercise.hints == ["How many failures open it?", "How long does it wait? Thirty seconds."])
    #expect(exercise.wrong.map(\.attempt) == ["CLOSED", "half-open"])
    #expect(exercise.wrong.map(\.feedback) == ["OPEN", "api is OPEN"])
    #expect(exercise.wrong.map(\.line) == [36, 37])
    #expect(exercise.explain == ["Two failures open it;", "it stays OPEN until a call arrives."])
    #expect(exercise.line == 22)
    #expect(exercise.keyLines["kind"] == 23)
    #expect(exercise.keyLines["hint"] == 33)
    #expect(exercise.keyLines["scenario"] == 29)
  }

  @Test("quiz and tune keys")
  func quizAndTuneKeys() throws {
    let text = Inline.lesson(
      Inline.exercise(
        "Quiz",
        """
        kind: quiz
        question: Which?
        choice: a) one
        choice: b) two
        choice: c) three
        correct: A, c
        feedback: B => not two
        hint: h
        wrong: b => not two
        explain: e
        """)
        + Inline.exercise(
          "Tune",
          """
          kind: tune
          question: Tune it.
          breaker: api like=lesson
          knobs: threshold window
          profile:
            service api flaky 20%
            load api 10/s for 30s
          require:
            api stays CLOSED until 30s
          solution: threshold=50 window=10s
          hint: h
          wrong: threshold=2 => blip
          explain: e
          """))
    let lesson = try LessonParser.parse(text, path: "lessons/01-keys.md")
    let quiz = try #require(lesson.steps[0].exercise)
    #expect(quiz.choices == ["a) one", "b) two", "c) three"])
    #expect(quiz.correct == ["a", "c"])
    #expect(quiz.feedback == ["b": "not two"])
    let tune = try #require(lesson.steps[1].exercise)
    #expect(tune.breaker == "api like=lesson")
    #expect(tune.knobs == ["threshold", "window"])
    #expect(tune.profile == ["service api flaky 20%", "load api 10/s for 30s"])
    #expect(tune.require == ["api stays CLOSED until 30s"])
    #expect(tune.solution == ["threshold=50 window=10s"])
  }

  /// A lesson text and the error it must give.
  struct BadLesson: Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var line: Int
    var message: String
    var testDescription: String { name }
  }

  static let badLessons: [BadLesson] = [
    BadLesson(
      name: "no front matter", text: "# Title\n\n## Step\n", line: 1,
      message: "missing front matter: start with '---', id, title, summary"),
    BadLesson(
      name: "unclosed front matter", text: "---\nid: 1\ntitle: T\n\n## Step\n", line: 1,
      message: "missing front matter: start with '---', id, title, summary"),
    BadLesson(
      name: "a front matter line without a colon",
      text: "---\nid: 1\ntitle T\nsummary: s\n---\n## Step\n", line: 3,
      message: "front matter lines are 'key: value'"),
    BadLesson(
      name: "an id that is not a number",
      text: "---\ntitle: T\nsummary: s\nid: two\n---\n## Step\n", line: 4,
      message: "front matter needs 'id: N' (N from 1)"),
    BadLesson(
      name: "id 0", text: "---\nid: 0\ntitle: T\nsummary: s\n---\n## Step\n", line: 2,
      message: "front matter needs 'id: N' (N from 1)"),
    BadLesson(
      name: "no id", text: "---\ntitle: T\nsummary: s\n---\n## Step\n", line: 4,
      message: "front matter needs 'id: N' (N from 1)"),
    BadLesson(
      name: "no title", text: "---\nid: 1\nsummary: s\n---\n## Step\n", line: 4,
      message: "front matter needs 'title: ...'"),
    BadLesson(
      name: "an empty title", text: "---\nid: 1\nsummary: s\ntitle:\n---\n## Step\n", line: 4,
      message: "front matter lines are 'key: value'"),
    BadLesson(
      name: "no summary", text: "---\nid: 1\ntitle: T\n---\n## Step\n", line: 4,
      message: "front matter needs 'summary: ...'"),
    BadLesson(
      name: "no steps", text: "---\nid: 1\ntitle: T\nsummary: s\n---\n\nJust prose.\n", line: 6,
      message: "a lesson needs '## ' steps"),
    BadLesson(
      name: "an unknown exercise key, with a suggestion",
      text: Inline.lesson("## S\n\n```exercise\nkind: quiz\nhints: h\n```\n"), line: 15,
      message: "unknown exercise key 'hints'; did you mean 'hint'?"),
    BadLesson(
      name: "a misspelt exercise key",
      text: Inline.lesson("## S\n\n```exercise\nkind: drive\nsoluton: fail api\n```\n"),
      line: 15, message: "unknown exercise key 'soluton'; did you mean 'solution'?"),
    BadLesson(
      name: "an unknown exercise key, no suggestion",
      text: Inline.lesson("## S\n\n```exercise\nkind: quiz\nzzz: h\n```\n"), line: 15,
      message: "unknown exercise key 'zzz'"),
    BadLesson(
      name: "'wrong' without '=>'",
      text: Inline.lesson("## S\n\n```exercise\nkind: quiz\nwrong: a -> b\n```\n"), line: 15,
      message: "'wrong' is written 'X => TEXT'"),
    BadLesson(
      name: "'feedback' without '=>'",
      text: Inline.lesson("## S\n\n```exercise\nkind: quiz\nfeedback: a\n```\n"), line: 15,
      message: "'feedback' is written 'X => TEXT'"),
    BadLesson(
      name: "no kind", text: Inline.lesson("## S\n\n```exercise\nquestion: q\n```\n"),
      line: 13, message: "an exercise needs 'kind:'"),
    BadLesson(
      name: "an unknown kind", text: Inline.lesson("## S\n\n```exercise\nkind: essay\n```\n"),
      line: 14, message: "unknown kind 'essay'; kinds: predict, drive, tune, quiz"),
    BadLesson(
      name: "a line that is not 'key: value'",
      text: Inline.lesson("## S\n\n```exercise\nkind: quiz\njust words\n```\n"), line: 15,
      message: "expected 'key: value' in the exercise; got 'just words'"),
    BadLesson(
      name: "an indented line with no key",
      text: Inline.lesson("## S\n\n```exercise\n  reset\nkind: quiz\n```\n"), line: 14,
      message: "an indented line needs a key above it"),
    BadLesson(
      name: "two exercises in one step",
      text: Inline.lesson(
        "## S\n\n```exercise\nkind: quiz\n```\n\n```exercise\nkind: quiz\n```\n"),
      line: 17, message: "a step has at most one exercise"),
    BadLesson(
      name: "an exercise before the first step",
      text: Inline.lesson("```exercise\nkind: quiz\n```\n\n## S\n"), line: 11,
      message: "an exercise must be inside a '## ' step"),
    BadLesson(
      name: "a 'lab' block before the first step",
      text: Inline.lesson("```lab\nlab> stats\n```\n\n## S\n"), line: 11,
      message: "a 'lab' block must be inside a '## ' step (block 1)"),
    BadLesson(
      name: "an unclosed exercise block",
      text: Inline.lesson("## S\n\n```exercise\nkind: quiz\n\n## Next\n"), line: 13,
      message: "the code block opened here is never closed; add '```'"),
    BadLesson(
      name: "an unclosed 'lab' block",
      text: Inline.lesson("## S\n\n```lab\nlab> stats\n\n## Next\n"), line: 13,
      message: "the 'lab' block is never closed; add '```'"),
  ]

  @Test("a broken lesson is an error on the line of the problem", arguments: badLessons)
  func errors(_ bad: BadLesson) throws {
    let error = try #require(throws: LessonError.self) {
      try LessonParser.parse(bad.text, path: "lessons/01-bad.md")
    }
    #expect(error == LessonError(path: "lessons/01-bad.md", line: bad.line, message: bad.message))
  }

  @Test("the course orders lessons by id and finds steps by id")
  func coursePositions() throws {
    let course = try Inline.course(
      Inline.lesson(id: 2, "## A\n\n## B\n"), Inline.lesson(id: 1, "## C\n"))
    #expect(course.lessons.map(\.id) == [1, 2])
    #expect(course.position(of: "2.2")?.lesson == 1)
    #expect(course.position(of: "2.2")?.step == 1)
    #expect(course.position(of: "1")?.step == 0)
    #expect(course.position(of: "2.3") == nil)
    #expect(course.position(of: "3") == nil)
    #expect(course.position(of: "x") == nil)
    #expect(course.exerciseIDs.isEmpty)
  }
}
