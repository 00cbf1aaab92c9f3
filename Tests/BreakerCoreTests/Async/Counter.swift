import Synchronization

/// A thread-safe counter for tests.
final class Counter: Sendable {
  private let count = Atomic(0)

  /// The current value.
  var value: Int { count.load(ordering: .sequentiallyConsistent) }

  /// Adds one and returns the new value.
  @discardableResult
  func increment() -> Int {
    count.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
  }
}
