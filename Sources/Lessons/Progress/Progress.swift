/// A learner's progress: where they are, what they finished, and the commands that built
/// their world (replayed on resume, so the world comes back exactly).
public struct Progress: Codable, Sendable, Equatable {
  /// The file format's version.
  public var version = 1
  /// The seed of the lesson world.
  public var seed: UInt64 = 0
  /// The current step id (`2.3`), or `nil` outside the course.
  public var current: String?
  /// How many entries of `log` had run when the current step started (after its setup).
  public var stepStart = 0
  /// Every command that changed the lesson world, in order.
  public var log: [String] = []
  /// Finished exercises: id → `passed` or `skipped`.
  public var completed: [String: String] = [:]
  /// Hints revealed, by exercise id.
  public var hints: [String: Int] = [:]

  /// Empty progress.
  public init() {}
}

/// Where progress is kept.
public protocol ProgressStore {
  /// The saved progress; `nil` when there is none yet.
  /// - Throws: ``ProgressStoreError`` when it exists but cannot be used (it is then kept
  ///   aside, never silently lost).
  func load() throws(ProgressStoreError) -> Progress?
  /// Saves progress atomically.
  func save(_ progress: Progress) throws(ProgressStoreError)
}

/// A progress file that could not be read or written.
public struct ProgressStoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String

  /// Creates an error.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

/// Progress kept in memory only (transcript replay, tests).
public final class MemoryProgressStore: ProgressStore {
  public private(set) var saved: Progress?
  /// How many times progress was saved.
  public private(set) var saves = 0

  /// Creates a store, optionally holding progress already.
  public init(_ progress: Progress? = nil) { saved = progress }

  public func load() throws(ProgressStoreError) -> Progress? { saved }

  public func save(_ progress: Progress) throws(ProgressStoreError) {
    saved = progress
    saves += 1
  }
}
