import LabCommands
import Simulation
import Testing

/// A new service named almost like an existing one is most likely a typo, and the lab says so
/// while still doing what was asked.
@Suite("A likely typo in a service name")
struct ServiceTypoTests {
  @Test("a near miss of an existing service name gets a note with the likely name")
  func nearMiss() {
    var lab = Lab()
    _ = lab.run("service recommendations hang")
    let reply = lab.run("service recomendations up")
    #expect(reply.error == nil)
    #expect(
      reply.lines.last
        == "note: this created a new service 'recomendations'; did you mean 'recommendations'?")
    #expect(lab.world.services.map(\.name) == ["recommendations", "recomendations"])
  }

  @Test("short names and names far from any other get no note")
  func noNote() {
    var lab = Lab()
    _ = lab.run("service api up")
    #expect(lab.run("service app up").lines == ["service app: up, latency 0ms, no breaker"])
    #expect(lab.run("service payments up").lines.count == 1)
    #expect(lab.run("service api down").lines.count == 1)
  }
}
