import BreakerCore
import Simulation

/// One call's mark on a timeline.
public struct CallMark: Sendable, Equatable {
  /// When the call ended (or was turned away).
  public var at: Milliseconds
  /// How it ended; a timeline shows `x`, `t`, `r`, `s` or `.` for it.
  public var result: CallResult

  /// Creates a mark.
  public init(at: Milliseconds, result: CallResult) {
    self.at = at
    self.result = result
  }
}
