/// The usage and one-line summary of a lab command, for `help` and diagnostics.
public struct CommandSpec: Sendable {
  public var name: String
  public var usage: String
  public var summary: String
  public var example: String

  /// Every command the lab understands, in the order `help` lists them.
  public static let all: [CommandSpec] = [
    CommandSpec(
      name: "breaker", usage: "breaker NAME [like=PRESET] [KEY=VALUE ...]",
      summary: "create or reconfigure the breaker guarding service NAME",
      example: "breaker payments like=opossum rate=25"),
    CommandSpec(
      name: "service",
      usage: "service NAME MODE [latency=DURATION] [breaker=NAME|none] [retries=N] "
        + "[fallback=on|off] [timeout=DURATION|off]",
      summary: "MODE: up | down | hang | slow DURATION | flaky PERCENT | refuse",
      example: "service payments slow 2s"),
    CommandSpec(
      name: "call", usage: "call NAME [COUNT] [retries=N]",
      summary: "COUNT calls (default 1) to the service, one after another",
      example: "call payments 3"),
    CommandSpec(
      name: "succeed", usage: "succeed NAME [COUNT]",
      summary: "calls through the breaker whose outcome is forced to success, instantly",
      example: "succeed payments"),
    CommandSpec(
      name: "fail", usage: "fail NAME [COUNT]",
      summary: "calls through the breaker whose outcome is forced to failure, instantly",
      example: "fail payments 5"),
    CommandSpec(
      name: "advance", usage: "advance DURATION",
      summary: "move the virtual clock, firing everything due", example: "advance 30s"),
    CommandSpec(
      name: "load", usage: "load NAME RATE/s [NAME RATE/s ...] for DURATION [poisson]",
      summary: "traffic over virtual time, then a summary",
      example: "load payments 50/s for 1m"),
  ]

  /// The spec named `name`.
  public static func named(_ name: String) -> CommandSpec? {
    all.first { $0.name == name }
  }
}
