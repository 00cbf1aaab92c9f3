import LabCommands
import Lessons
import Simulation
import Testing

/// The `:` course commands around the lab: hints, solutions, skipping, resetting a step,
/// the sandbox, demonstrations and moving between steps.
@Suite("Course commands")
struct CourseCommandTests {
  @Test("the tiny course parses")
  func parses() throws {
    #expect(Tiny.course.exerciseIDs == ["1.1", "1.2", "1.4"])
  }

  @Test("the prompt names the step and the virtual time")
  func prompt() {
    var session = Inline.session(Tiny.course)
    #expect(session.prompt == "t=0ms lab> ")
    _ = session.lines(":start", "advance 2s")
    #expect(session.prompt == "[1.1] t=2s lab> ")
  }

  @Test("hints are revealed one at a time and counted")
  func hints() {
    let store = MemoryProgressStore()
    var session = Inline.session(Tiny.course, store: store)
    _ = session.lines(":start")
    #expect(session.lines(":hint") == ["hint 1/2 [1.1]: Fail it."])
    #expect(store.saved?.hints["1.1"] == 1)
    #expect(session.lines(":hint") == ["hint 2/2 [1.1]: Three times."])
    #expect(
      session.lines(":hint") == [
        "no more hints for [1.1]; ':skip' runs the reference steps for you"
      ])
    #expect(store.saved?.hints["1.1"] == 2)
    #expect(
      session.lines(":progress").first == "1. Tiny: [1.1] todo, 2 hints  [1.2] todo  [1.4] todo")
  }

  @Test("':solution' is locked until the exercise is passed")
  func solutionAfterPass() {
    var session = Inline.session(Tiny.course)
    _ = session.lines(":start")
    let locked = ["error: the solution of [1.1] opens after you pass or ':skip'"]
    #expect(session.lines(":solution") == locked)
    #expect(CourseSession.verdict(session.lines("fail api 2", ":check"))?.hasPrefix("FAIL") == true)
    #expect(session.lines(":solution") == locked)
    _ = session.lines("fail api 1")
    let passed = session.lines(":check")
    #expect(passed.first == "PASS [1.1] goal reached: api opened; state api is OPEN")
    #expect(passed.dropFirst() == ["Three failures open it.", "':next' goes on"])
    #expect(
      session.lines(":solution") == [
        "solution of [1.1]:", "  fail api 3", "Three failures open it.",
      ])
  }

  @Test("':skip' unlocks ':solution' and runs the reference steps")
  func skip() {
    let store = MemoryProgressStore()
    var session = Inline.session(Tiny.course, store: store)
    _ = session.lines(":start")
    let skipped = session.lines(":skip")
    #expect(
      skipped.first
        == "skipped [1.1]; the reference steps ran in your lab; ':solution' shows the answer")
    #expect(skipped.contains("t=0ms  api  CLOSED -> OPEN  (3 failures within 10s)"))
    #expect(skipped.last == "':next' goes on")
    #expect(store.saved?.completed["1.1"] == "skipped")
    #expect(session.lines(":solution").first == "solution of [1.1]:")
    #expect(CourseSession.verdict(session.lines(":check"))?.hasPrefix("PASS") == true)
  }

  @Test("after ':skip' the next step finds the world a learner who solved it would have")
  func skipLeavesTheExpectedWorld() {
    var solved = Inline.session(Tiny.course)
    _ = solved.lines(":start", "fail api 3", ":check", ":next")
    var skipped = Inline.session(Tiny.course)
    _ = skipped.lines(":start", ":skip", ":next")
    #expect(skipped.currentStep?.id == "1.2")
    #expect(skipped.lines("stats") == solved.lines("stats"))
    #expect(skipped.lab.world.now == solved.lab.world.now)
    // The predict step is computed on that world: the breaker opened at t=0, so a trial is
    // allowed at t=30s.
    let verdict = CourseSession.verdict(skipped.lines(":answer 30s"))
    #expect(verdict == "PASS [1.2] right: api allows a trial at t=30s")
    #expect(CourseSession.verdict(solved.lines(":answer t=30s")) == verdict)
  }

  @Test("':reset' puts the step's world back as the step started")
  func reset() {
    let store = MemoryProgressStore()
    var session = Inline.session(Tiny.course, store: store)
    _ = session.lines(":start")
    let start = session.lines("stats")
    let log = store.saved?.log
    _ = session.lines("fail api 2", "advance 10s", "breaker web")
    #expect(session.lines("stats") != start)
    #expect(session.lines(":reset") == ["[1.1] is back where it started: t=0ms"])
    #expect(session.lines("stats") == start)
    #expect(session.lab.world.now == 0)
    #expect(store.saved?.log == log)
    // The goal still counts from the step's start.
    let output = session.lines("fail api 3", ":check")
    #expect(CourseSession.verdict(output)?.hasPrefix("PASS [1.1]") == true)
  }

  @Test("the sandbox is a throw-away copy: ':resume' finds the lesson world untouched")
  func sandbox() {
    let store = MemoryProgressStore()
    var session = Inline.session(Tiny.course, store: store)
    _ = session.lines(":start", "fail api 1", "advance 1s")
    let stats = session.lines("stats")
    let saved = store.saved
    #expect(session.lines(":sandbox").first?.hasPrefix("sandbox:") == true)
    #expect(session.prompt == "t=1s sandbox> ")
    _ = session.lines("fail api 5", "advance 1m", "breaker web", "reset")
    #expect(
      session.lines(":check") == [
        "error: you are in the sandbox; ':resume' returns to the lesson first"
      ])
    #expect(store.saved == saved)
    #expect(session.lines(":resume") == ["back to the lesson; your world is as you left it"])
    #expect(session.prompt == "[1.1] t=1s lab> ")
    #expect(session.lines("stats") == stats)
    #expect(session.lab.world.now == 1_000)
    #expect(store.saved == saved)
    #expect(session.lines(":resume") == ["error: you are not in the sandbox"])
  }

  @Test("':demo' runs the step's demonstration in the learner's world")
  func demo() {
    var session = Inline.session(Tiny.course)
    _ = session.lines(":start")
    #expect(session.lines(":demo") == ["error: step [1.1] has no demonstration"])
    _ = session.lines(":skip", ":next", ":next")
    #expect(session.currentStep?.id == "1.3")
    let output = session.lines(":demo")
    #expect(output.first == "> stats api")
    #expect(output.contains { $0.hasPrefix("api ") && $0.contains("OPEN") })
    #expect(session.lines(":check") == ["error: step [1.3] has no exercise; ':next' goes on"])
  }

  @Test("moving: ':next', ':back', ':goto', ':start N', and the ends of the course")
  func moving() {
    var session = Inline.session(Tiny.course)
    #expect(session.lines(":next") == ["error: not in a lesson yet; ':start' begins"])
    let first = session.lines(":start")
    #expect(first.first == "== Lesson 1: Tiny ==")
    #expect(first.contains("[1.1] Trip it  (step 1 of 4)"))
    #expect(session.lines(":back") == ["error: this is the first step of the course"])
    #expect(session.lines(":goto 1.4").first == "[1.4] Quiz  (step 4 of 4)")
    #expect(
      session.lines(":next") == [
        "that was the last step of the course. Well done! ':progress' shows your work"
      ])
    #expect(session.lines(":back").first == "[1.3] Look  (step 3 of 4)")
    #expect(session.lines(":goto 1.9").first?.hasPrefix("error: no lesson or step '1.9'") == true)
    #expect(session.lines(":start 1.2").first == "error: no lesson '1.2'; ':lessons' lists them")
    #expect(session.lines(":start 1").first == "== Lesson 1: Tiny ==")
    #expect(
      session.lines(":hnit").first?.hasPrefix("error: unknown course command ':hnit'") == true)
  }

  @Test("answers go to the right kind of exercise")
  func wrongVerb() {
    var session = Inline.session(Tiny.course)
    _ = session.lines(":start")
    #expect(
      session.lines(":answer 3") == [
        "error: [1.1] is a drive exercise: change the world, then ':check'"
      ])
    _ = session.lines(":next")
    #expect(
      session.lines(":check") == ["error: [1.2] is a predict exercise; answer with ':answer ...'"])
    #expect(session.lines(":answer") == ["error: usage: :answer TEXT"])
  }
}
