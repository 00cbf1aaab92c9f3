import BreakerCore
import Simulation

/// One call's mark on a timeline.
public struct CallMark: Sendable, Equatable {
  public var at: Milliseconds
  public var result: CallResult

  /// Creates a mark.
  public init(at: Milliseconds, result: CallResult) {
    self.at = at
    self.result = result
  }
}
