import BreakerCore
import Simulation

/// One parsed lab command, ready to run against a world.
public enum Command: Sendable, Equatable {
  /// `breaker NAME [like=PRESET] [KEY=VALUE ...]`
  case breaker(name: String, settings: [Setting])
  /// `service NAME [MODE] [latency=D] [breaker=NAME|none] [retries=N] [fallback=on|off]
  /// [timeout=D|off]`
  case service(name: String, mode: FaultMode?, options: ServiceOptions)
  /// `call NAME [COUNT] [retries=N] [fallback=on|off]`
  case call(name: String, count: Int, retries: Int?, fallback: Bool? = nil)
  /// `succeed NAME [COUNT]`, `fail NAME [COUNT]` and `ignore NAME [COUNT]`
  case force(outcome: Outcome, name: String, count: Int)
  /// `advance DURATION`
  case advance(Milliseconds)
  /// `load NAME RATE/s [NAME RATE/s ...] for DURATION [poisson]`
  case load(targets: [LoadTarget], duration: Milliseconds, poisson: Bool)
  /// `show [NAME ...]`: state diagrams (all breakers when no name).
  case show(names: [String])
  /// `timeline [NAME ...]`: states over virtual time.
  case timeline(names: [String])
  /// `window NAME`: the monitoring window.
  case window(name: String)
  /// `stats [NAME]`: counters.
  case stats(name: String?)
  /// `log [NAME]`: transitions so far.
  case log(name: String?)
  /// `compare PRESET PRESET ... [KEY=VALUE ...]`: the same outage through several presets.
  case compare(presets: [String], settings: [Setting])
  /// `force NAME closed|open|half-open`
  case forceState(name: String, state: BreakerState)
  /// `mode NAME normal|forced-open|disabled|metrics-only`
  case mode(name: String, mode: BreakerMode)
  /// `pool N|off`: the application's worker pool.
  case pool(Int?)
  /// `seed N`
  case seed(UInt64)
  /// `reset`: an empty world at t=0 (the seed is kept).
  case reset
  /// `help [TOPIC]`
  case help(topic: String?)
  /// `quit`
  case quit
  /// A comment or an empty line.
  case nothing

  /// A `KEY=VALUE` word.
  public struct Setting: Sendable, Equatable {
    public var key: String
    public var value: String
  }

  /// One service and its rate in a `load`.
  public struct LoadTarget: Sendable, Equatable {
    public var service: String
    public var rate: Double
  }

  /// The optional settings of `service`.
  public struct ServiceOptions: Sendable, Equatable {
    public var latency: Milliseconds?
    /// `.some(nil)` removes the breaker (`breaker=none`).
    public var breaker: String??
    public var retries: Int?
    public var fallback: Bool?
    public var timeout: Milliseconds??
  }
}
