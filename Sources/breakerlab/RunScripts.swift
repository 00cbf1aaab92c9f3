import ArgumentParser
import LabCommands

/// `breakerlab run FILE...`: runs command files, one command a line.
struct RunScripts: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run lab command files, one command a line, and print what happens.")

  @Argument(help: "Command files to run, in order, in one world.")
  var files: [String]

  @OptionGroup var options: LabOptions

  @Option(help: "Write every event as JSON Lines to this file.")
  var trace: String?

  func run() throws {
    var lab = options.makeLab(interactive: false)
    if let trace {
      do {
        lab.trace = try FileTrace(path: trace)
      } catch {
        FileIO.printError("breakerlab: \(error)")
        throw ExitCode(2)
      }
    }
    for file in files {
      let text = try FileIO.contents(of: file)
      var number = 0
      // "\r\n" is one Character in Swift, so it must be named to split CRLF files.
      let lines = text.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      for line in lines {
        number += 1
        let reply = lab.run(String(line.hasSuffix("\r") ? line.dropLast() : line))
        for output in reply.lines { print(output) }
        if let error = reply.error {
          FileIO.printError("\(file):\(number): \(error.message)")
          throw ExitCode(1)
        }
      }
    }
  }
}
