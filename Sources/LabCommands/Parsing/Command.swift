import BreakerCore
import Simulation

/// One parsed lab command, ready to run against a world.
public enum Command: Sendable, Equatable {
  /// `breaker NAME [like=PRESET] [KEY=VALUE ...]`
  case breaker(name: String, settings: [Setting])
  /// `service NAME [MODE] [latency=D] [breaker=NAME|none] [retries=N] [fallback=on|off]
  /// [timeout=D|off]`
  case service(name: String, mode: FaultMode?, options: ServiceOptions)
  /// `call NAME [COUNT] [retries=N]`
  case call(name: String, count: Int, retries: Int?)
  /// `succeed NAME [COUNT]` and `fail NAME [COUNT]`
  case force(outcome: Outcome, name: String, count: Int)
  /// `advance DURATION`
  case advance(Milliseconds)
  /// `load NAME RATE/s [NAME RATE/s ...] for DURATION [poisson]`
  case load(targets: [LoadTarget], duration: Milliseconds, poisson: Bool)
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
