import LabCommands
import Lessons
import Simulation
import Testing
import Transcripts

/// predict: the expected answer is computed by running the scenario on the reference, so
/// the same question has a different answer when the setup differs.
@Suite("predict exercises")
struct PredictTests {
  /// A predict step after `setup`, running `scenario` and asking `ask`.
  static func course(setup: [String], scenario: [String], ask: String) throws -> Course {
    try Inline.course(
      Inline.lesson(
        Inline.exercise(
          "Predict",
          """
          kind: predict
          question: What now?
          setup:
          \(setup.map { "  " + $0 }.joined(separator: "\n"))
          scenario:
          \(scenario.map { "  " + $0 }.joined(separator: "\n"))
          ask: \(ask)
          hint: Count the failures.
          wrong: x => y
          explain: Because.
          """)))
  }

  @Test("'state' is computed from the reference", arguments: [2, 3, 4, 5])
  func stateFromReference(threshold: Int) throws {
    let course = try Self.course(
      setup: ["reset", "breaker api threshold=\(threshold)"], scenario: ["fail api 3"],
      ask: "state api")
    let state = threshold <= 3 ? "OPEN" : "CLOSED"
    for (answer, right) in [("OPEN", state == "OPEN"), ("closed", state == "CLOSED")] {
      var session = Inline.session(course)
      let output = session.lines(":start", ":answer \(answer)")
      let verdict = try #require(CourseSession.verdict(output))
      if right {
        #expect(verdict == "PASS [1.1] right: api is \(state)")
      } else {
        // A wrong state is named, the right one is not given away.
        #expect(verdict == "FAIL [1.1] not \(answer.uppercased()): api is in another state then")
      }
    }
  }

  @Test(
    "'trial-at' accepts the time in any spelling; a wrong one says which way to look",
    arguments: [
      ("35s", "PASS [1.1] right: api allows a trial at t=35s"),
      ("t=35s", "PASS [1.1] right: api allows a trial at t=35s"),
      ("35000ms", "PASS [1.1] right: api allows a trial at t=35s"),
      ("35 s", "PASS [1.1] right: api allows a trial at t=35s"),
      ("at t = 35s", "PASS [1.1] right: api allows a trial at t=35s"),
      ("35", "PASS [1.1] right: api allows a trial at t=35s"),
      ("30s", "FAIL [1.1] not t=30s: that is too early"),
      ("t=5s", "FAIL [1.1] not t=5s: that is too early"),
      ("1m", "FAIL [1.1] not t=60s: that is too late"),
      ("soon", "FAIL [1.1] cannot read 'soon' as an answer; give a time such as 35s or t=1m10s"),
    ])
  func trialAt(_ answer: String, _ expected: String) throws {
    let course = try Self.course(
      setup: ["reset", "breaker api threshold=2 reset=30s"],
      scenario: ["advance 5s", "fail api 2"], ask: "trial-at api")
    var session = Inline.session(course)
    let output = session.lines(":start", ":answer \(answer)")
    #expect(try #require(CourseSession.verdict(output)) == expected)
  }

  @Test(
    "every 'ask' is answered from the reference",
    arguments: [
      ("state api", ["fail api 5"], "open", "api is OPEN"),
      ("state api", ["fail api 5", "advance 30s", "succeed api"], "CLOSED", "api is CLOSED"),
      ("trial-at api", ["fail api 1"], "none", "api allows a trial at none"),
      (
        "rejections api", ["service api down", "call api 7"], "2",
        "api failed fast this many times: 2"
      ),
      ("opened-at api", ["advance 2s", "fail api 5"], "2s", "api opened at t=2s"),
      ("opened-at api", ["fail api 1"], "none", "api opened at none"),
    ])
  func asks(_ ask: String, _ scenario: [String], _ answer: String, _ fact: String) throws {
    let course = try Self.course(setup: ["reset", "breaker api"], scenario: scenario, ask: ask)
    var session = Inline.session(course)
    let output = session.lines(":start", ":answer \(answer)")
    #expect(CourseSession.verdict(output) == "PASS [1.1] right: \(fact)")
  }

  @Test("after a pass the scenario runs in the learner's world; ':solution' gives the fact")
  func scenarioRunsAfterPass() throws {
    let course = try Self.course(
      setup: ["reset", "breaker api threshold=2 reset=30s"],
      scenario: ["advance 5s", "fail api 2"], ask: "trial-at api")
    var session = Inline.session(course)
    _ = session.lines(":start")
    #expect(session.lab.world.now == 0)
    let output = session.lines(":answer 35s")
    #expect(output.contains("what happened:"))
    #expect(output.contains("t=5s  api  CLOSED -> OPEN  (2 failures within 60s)"))
    #expect(session.lab.world.now == 5_000)
    #expect(
      session.lines(":solution") == [
        "solution of [1.1]:", "  api allows a trial at t=35s", "Because.",
      ])
  }
}

/// drive: every goal condition must hold on the learner's world, counted from the moment
/// the step started; a failure says which condition and why.
@Suite("drive exercises")
struct DriveTests {
  /// A goal, what the learner does, and the verdict's text (after `PASS/FAIL [1.1] `).
  struct Case: Sendable, CustomTestStringConvertible {
    var goal: String
    var commands: [String]
    var passes: Bool
    var message: String
    var testDescription: String { "\(goal) after \(commands)" }
  }

  /// The step's setup already failed once: counters and "opened" count from the step start.
  static let setup = ["reset", "breaker api threshold=3 window=10s", "fail api 1"]

  static let cases: [Case] = [
    Case(
      goal: "state api is OPEN", commands: ["fail api 2"], passes: true, message: "goal reached"),
    Case(
      goal: "state api is OPEN", commands: ["fail api 1"], passes: false,
      message: "expected api OPEN; api is CLOSED"),
    Case(goal: "state api is closed", commands: [], passes: true, message: "goal reached"),
    Case(goal: "api opened", commands: ["fail api 2"], passes: true, message: "goal reached"),
    Case(
      goal: "api opened", commands: [], passes: false,
      message: "expected api opened: it did not become OPEN since this step began"),
    Case(goal: "api never opened", commands: ["fail api 1"], passes: true, message: "goal"),
    Case(
      goal: "api never opened", commands: ["advance 2s", "fail api 3"], passes: false,
      message: "expected api to stay out of OPEN; it opened at t=2s"),
    Case(
      goal: "api half-opened", commands: ["fail api 2", "advance 31s", "succeed api"],
      passes: true, message: "goal reached"),
    Case(
      goal: "api closed", commands: ["fail api 2", "advance 31s", "succeed api"], passes: true,
      message: "goal reached"),
    Case(
      goal: "api closed", commands: ["fail api 2"], passes: false,
      message: "expected api closed: it did not become CLOSED since this step began"),
    Case(goal: "api failures == 2", commands: ["fail api 2"], passes: true, message: "goal"),
    Case(
      goal: "api failures >= 3", commands: ["fail api 2"], passes: false,
      message: "expected api failures >= 3; it is 2"),
    Case(
      goal: "api calls > 0", commands: [], passes: false, message: "expected api calls > 0; it is 0"
    ),
    Case(
      goal: "api successes != 0", commands: ["succeed api"], passes: true, message: "goal reached"),
    Case(
      goal: "api rejections >= 1", commands: ["fail api 2"], passes: false,
      message: "expected api rejections >= 1; it is 0"),
    Case(
      goal: "api rejections == 1", commands: ["fail api 2", "call api"], passes: true,
      message: "goal reached"),
    Case(
      goal: "elapsed >= 10s", commands: ["advance 9s"], passes: false,
      message: "expected elapsed time >= 10s; it is 9s"),
    Case(goal: "elapsed >= 10s", commands: ["advance 10s"], passes: true, message: "goal"),
    Case(goal: "starved == 0", commands: [], passes: true, message: "goal reached"),
    Case(
      goal: "state web is OPEN", commands: [], passes: false,
      message: "there is no breaker named 'web'"),
  ]

  @Test("a goal condition holds or fails with its reason", arguments: cases)
  func condition(_ test: Case) throws {
    let course = try Inline.course(
      Inline.lesson(Inline.drive(goal: [test.goal], setup: Self.setup)))
    var session = Inline.session(course)
    _ = session.lines(":start")
    for command in test.commands {
      let output = session.lines(command)
      #expect(!output.contains { $0.hasPrefix("error:") }, "\(command): \(output)")
    }
    let verdict = try #require(CourseSession.verdict(session.lines(":check")))
    #expect(verdict.hasPrefix(test.passes ? "PASS [1.1] " : "FAIL [1.1] "), "\(verdict)")
    #expect(verdict.contains(test.message), "\(verdict)")
  }

  @Test("every goal line must hold; the first failing one is named")
  func everyGoal() throws {
    let course = try Inline.course(
      Inline.lesson(
        Inline.drive(goal: ["api opened", "elapsed >= 5s"], setup: ["reset", "breaker api"])))
    var session = Inline.session(course)
    var output = session.lines(":start", "fail api 5", ":check")
    #expect(
      CourseSession.verdict(output)
        == "FAIL [1.1] expected elapsed time >= 5s; it is 0ms")
    output = session.lines("advance 5s", ":check")
    #expect(
      CourseSession.verdict(output) == "PASS [1.1] goal reached: api opened; elapsed >= 5s")
    #expect(output.suffix(2) == ["done", "':next' goes on"])
  }

  @Test("a second failed check suggests a hint")
  func suggestsHint() throws {
    let course = try Inline.course(
      Inline.lesson(Inline.drive(goal: ["api opened"], setup: ["reset", "breaker api"])))
    var session = Inline.session(course)
    _ = session.lines(":start")
    #expect(!session.lines(":check").contains("stuck? ':hint' reveals a hint"))
    #expect(session.lines(":check").contains("stuck? ':hint' reveals a hint"))
  }

  @Test(
    "conditions read as the format says",
    arguments: [
      "state api is OPEN", "state api is half-open", "api opened", "api closed",
      "api half-opened", "api never opened", "api calls == 3", "api fallbacks < 2",
      "starved <= 0", "elapsed > 1m30s", "api stays CLOSED until 30s", "api OPEN by 40s",
      "api CLOSED by 2m",
    ])
  func parses(_ text: String) {
    #expect(throws: Never.self) { try Condition.parse(text) }
  }

  @Test(
    "unreadable conditions are refused",
    arguments: [
      "", "api", "api exploded", "state api is BROKEN", "api calls about 3", "api calls == x",
      "elapsed >= soon", "starved == many", "api stays OPEN until 30s", "api HALF_OPEN by 3s",
      "api never closed", "one two three four five six",
    ])
  func refuses(_ text: String) {
    #expect(throws: LessonError.self) { try Condition.parse(text) }
  }
}

/// tune: the learner's values go on the exercise's breaker, the profile runs in a scratch
/// world, and every requirement is checked on what happened.
@Suite("tune exercises")
struct TuneTests {
  static let course: Course = {
    let text = Inline.lesson(
      Inline.exercise(
        "Tune",
        """
        kind: tune
        question: Survive the blips, notice the outage, recover.
        breaker: api like=lesson
        knobs: threshold window reset
        profile:
          service api flaky 20% latency=100ms
          load api 10/s for 30s
          service api down latency=100ms
          load api 10/s for 30s
          service api up latency=100ms
          load api 10/s for 60s
        require:
          api stays CLOSED until 30s
          api OPEN by 40s
          api CLOSED by 2m
        solution: threshold=50 window=10s
        hint: Blips are 2 failures a second.
        wrong: threshold=2 => transient blip
        explain: A window of 10s holds about 20 blip failures.
        """))
    // The text is fixed; a parse failure shows up in every test as an empty course.
    return (try? Inline.course(text)) ?? Course(lessons: [], directory: "lessons")
  }()

  @Test(
    "values that meet every requirement pass",
    arguments: ["threshold=50 window=10s", "threshold=50 window=5s reset=30s"])
  func passes(_ values: String) throws {
    var session = Inline.session(Self.course)
    let output = session.lines(":start", ":answer \(values)")
    #expect(CourseSession.verdict(output) == "PASS [1.1] \(values) meets every requirement")
  }

  @Test(
    "values that fail a requirement say which, and when, with a timeline",
    arguments: [
      ("threshold=2", "api opened at t=500ms, before 30s: it tripped on a transient blip"),
      ("threshold=1000", "api was not OPEN by t=40s: the outage went unnoticed"),
      (
        "threshold=50 window=10s reset=2m",
        "api was not CLOSED again by t=2m: it recovered too slowly"
      ),
    ])
  func fails(_ values: String, _ message: String) throws {
    var session = Inline.session(Self.course)
    let output = session.lines(":start", ":answer \(values)")
    let verdict = try #require(CourseSession.verdict(output))
    #expect(verdict == "FAIL [1.1] \(message)")
    let details = output.drop { $0 != verdict }.dropFirst()
    #expect(!details.isEmpty, "a timeline of the run follows the verdict")
    #expect(details.contains { $0.contains("api") })
  }

  @Test(
    "only the listed knobs may be set",
    arguments: [
      ("timeout=1s", "'timeout' is not a knob here; set threshold, window, reset"),
      ("threshold=50 like=opossum", "'like' is not a knob here; set threshold, window, reset"),
      ("threshold", "write values as KEY=VALUE, e.g. threshold=8"),
      ("threshold=lots", "threshold"),
    ])
  func refusesOtherKeys(_ values: String, _ message: String) throws {
    var session = Inline.session(Self.course)
    let output = session.lines(":start", ":answer \(values)")
    let verdict = try #require(CourseSession.verdict(output))
    #expect(verdict.hasPrefix("FAIL [1.1] "))
    #expect(verdict.contains(message), "\(verdict)")
  }

  @Test("the learner's world is not touched by a tune check")
  func scratchWorld() throws {
    var session = Inline.session(Self.course)
    _ = session.lines(":start")
    let before = session.lines("stats")
    _ = session.lines(":answer threshold=2", ":answer threshold=50 window=10s")
    #expect(session.lines("stats") == before)
    #expect(session.lab.world.now == 0)
  }
}

/// quiz: the chosen letters must be exactly the correct set; each wrong choice gets its
/// own feedback.
@Suite("quiz exercises")
struct QuizTests {
  static let course: Course = {
    let text = Inline.lesson(
      Inline.exercise(
        "Quiz",
        """
        kind: quiz
        question: Which are true?
        choice: a) one
        choice: b) two
        choice: c) three
        correct: a, c
        feedback: b => two is not it
        hint: Not b.
        wrong: b => two is not it
        explain: One and three.
        """))
    return (try? Inline.course(text)) ?? Course(lessons: [], directory: "lessons")
  }()

  @Test(
    "answers",
    arguments: [
      ("a c", "PASS [1.1] right"),
      ("c a", "PASS [1.1] right"),
      ("a,c", "PASS [1.1] right"),
      ("A) C)", "PASS [1.1] right"),
      ("a", "FAIL [1.1] 1 correct choice is missing."),
      ("a b c", "FAIL [1.1] b: two is not it."),
      ("a;c", "PASS [1.1] right"),
      ("a/c", "PASS [1.1] right"),
      ("ac", "PASS [1.1] right"),
      ("a and c", "PASS [1.1] right"),
      ("b", "FAIL [1.1] b: two is not it. 2 correct choices are missing."),
      ("z", "FAIL [1.1] there is no choice 'z'; choose from a, b, c"),
      ("d a", "FAIL [1.1] there is no choice 'd'; choose from a, b, c"),
    ])
  func answer(_ answer: String, _ verdict: String) throws {
    var session = Inline.session(Self.course)
    let output = session.lines(":start", ":answer \(answer)")
    #expect(CourseSession.verdict(output) == verdict)
    if verdict.hasPrefix("PASS") { #expect(output.contains("One and three.")) }
  }

  @Test("a wrong choice without its own feedback says 'not this one'")
  func defaultFeedback() throws {
    let text = Inline.lesson(
      Inline.exercise(
        "Quiz",
        "kind: quiz\nquestion: q\nchoice: a) x\nchoice: b) y\ncorrect: a\nhint: h\nexplain: e"))
    var session = Inline.session(try Inline.course(text))
    let output = session.lines(":start", ":answer a b")
    #expect(CourseSession.verdict(output) == "FAIL [1.1] b: not this one.")
  }
}
