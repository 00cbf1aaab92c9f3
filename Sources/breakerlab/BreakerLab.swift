import ArgumentParser
import LabCommands

/// The `breakerlab` command: the lab, and tools around it.
@main
struct BreakerLab: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "breakerlab",
    abstract: "Learn the circuit breaker pattern by using one.",
    version: "0.1.0",
    subcommands: [Demo.self, RunScripts.self],
    defaultSubcommand: Demo.self)
}
