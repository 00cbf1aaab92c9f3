import LabCommands
import Lessons
import Simulation
import Synchronization
import Testing

/// Ctrl-C during a long command in the course: the command is undone so that the lesson
/// world always equals what a resume would rebuild from the saved log.
@Suite("Interrupting a long command")
struct InterruptTests {
  @Test("an interrupted load is undone, not logged, and the world is as before it")
  func interruptedLoadIsUndone() throws {
    let store = MemoryProgressStore()
    var lab = Lab(seed: 0)
    let stopping = Atomic<Bool>(false)
    lab.interrupted = { stopping.load(ordering: .relaxed) }
    var session = CourseSession(
      course: Course(lessons: [], directory: "none"), lab: lab, store: store)
    _ = session.run("breaker api")
    _ = session.run("fail api 2")
    let before = session.run("stats").lines
    let clock = session.lab.world.now

    stopping.store(true, ordering: .relaxed)
    let reply = session.run("load api 1000/s for 1h")
    stopping.store(false, ordering: .relaxed)

    #expect(reply.lines.contains { $0.contains("interrupted") })
    #expect(
      reply.lines.last == "the interrupted command was undone; your lab is as it was before it")
    #expect(session.lab.world.now == clock)
    #expect(session.run("stats").lines == before)
    #expect(store.saved?.log == ["breaker api", "fail api 2"])
  }
}
