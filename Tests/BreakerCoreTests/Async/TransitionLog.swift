import BreakerCore
import Synchronization

/// Collects the transitions an ``AsyncCircuitBreaker`` reports, for assertions.
final class TransitionLog: Sendable {
  private let entries = Mutex<[Transition]>([])

  /// Every transition so far, oldest first.
  var all: [Transition] { entries.withLock { $0 } }

  /// The `from → to` pairs so far, as labels such as `CLOSED>OPEN`.
  var path: [String] { all.map { "\($0.from.label)>\($0.to.label)" } }

  /// Appends a transition; pass this as `onTransition`.
  func append(_ transition: Transition) {
    entries.withLock { $0.append(transition) }
  }
}
