import ArgumentParser
import LabCommands

/// `breakerlab demo`: a breaker tripping and recovering, narrated.
struct Demo: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "demo",
    abstract: "Watch a breaker trip on an outage and recover (the default for now).")

  /// The built-in demonstration, one command a line.
  static let script = [
    "# A payments service guarded by the course's breaker.",
    "breaker payments like=lesson",
    "service payments up latency=120ms",
    "call payments 2",
    "# The service goes down: five failures within 60s trip the breaker.",
    "service payments down",
    "call payments 6",
    "# While OPEN, calls fail fast. After 30s from the last failure a trial is allowed.",
    "advance 30s",
    "service payments up",
    "call payments 2",
  ]

  func run() {
    var lab = Lab(seed: 0)
    for line in Demo.script {
      print((line.hasPrefix("#") ? "" : "lab> ") + line)
      let reply = lab.run(line)
      for output in reply.lines { print("  " + output) }
      if let error = reply.error { print("  error: \(error.message)") }
    }
  }
}
