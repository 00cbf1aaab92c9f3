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
      summary: "create or reconfigure the breaker guarding service NAME (alone: show it)",
      example: "breaker payments like=opossum rate=25"),
    CommandSpec(
      name: "service",
      usage: "service NAME MODE [latency=DURATION] [breaker=NAME|none] [retries=N] "
        + "[fallback=on|off] [timeout=DURATION|off]",
      summary: "create or change a service: MODE up | down | hang | slow D | flaky P% | refuse",
      example: "service payments slow 2s"),
    CommandSpec(
      name: "call", usage: "call NAME [COUNT] [retries=N] [fallback=on|off]",
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
      name: "ignore", usage: "ignore NAME [COUNT]",
      summary: "calls whose outcome is neutral (a cancelled call, a client error); see 'ignored='",
      example: "ignore payments"),
    CommandSpec(
      name: "advance", usage: "advance DURATION",
      summary: "move the virtual clock, firing everything due", example: "advance 30s"),
    CommandSpec(
      name: "load", usage: "load NAME RATE/s [NAME RATE/s ...] for DURATION [poisson]",
      summary: "traffic over virtual time, then a summary",
      example: "load payments 50/s for 1m"),
    CommandSpec(
      name: "show", usage: "show [NAME ...]",
      summary: "the state diagram of one breaker (all if no name)", example: "show payments"),
    CommandSpec(
      name: "timeline", usage: "timeline [NAME ...]",
      summary: "states over virtual time, with failures and fast-fails marked",
      example: "timeline payments search"),
    CommandSpec(
      name: "window", usage: "window NAME",
      summary: "the monitoring window: which failures still count, which expired",
      example: "window payments"),
    CommandSpec(
      name: "stats", usage: "stats [NAME]", summary: "counters of each breaker and service",
      example: "stats payments"),
    CommandSpec(
      name: "log", usage: "log [NAME]", summary: "transitions so far, with times and reasons",
      example: "log payments"),
    CommandSpec(
      name: "compare",
      usage: "compare PRESET PRESET ... [rate=R/s] [healthy=D] [outage=D] [recovery=D]",
      summary: "the same outage through 2 to 4 presets, side by side",
      example: "compare lesson opossum resilience4j"),
    CommandSpec(
      name: "force", usage: "force NAME closed|open|half-open",
      summary: "move a breaker to a state by hand", example: "force payments open"),
    CommandSpec(
      name: "mode", usage: "mode NAME normal|forced-open|disabled|metrics-only",
      summary: "override the state machine (forced open, pass-through, metrics only)",
      example: "mode payments disabled"),
    CommandSpec(
      name: "pool", usage: "pool N|off",
      summary: "the calling application's worker pool: N threads, each held while a call is "
        + "in flight", example: "pool 10"),
    CommandSpec(
      name: "seed", usage: "seed N", summary: "restart the random generator (flaky, poisson)",
      example: "seed 42"),
    CommandSpec(
      name: "reset", usage: "reset", summary: "an empty world at t=0 (the seed is kept)",
      example: "reset"),
    CommandSpec(
      name: "help", usage: "help [COMMAND|keys|presets|durations]",
      summary: "usage, keys, an example", example: "help breaker"),
    CommandSpec(
      name: "quit", usage: "quit", summary: "leave the lab (Ctrl-D works too)", example: "quit"),
  ]

  /// The spec named `name`.
  public static func named(_ name: String) -> CommandSpec? {
    all.first { $0.name == name }
  }
}
