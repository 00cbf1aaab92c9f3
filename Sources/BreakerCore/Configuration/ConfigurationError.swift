/// A configuration change that was refused, with a message that names the key and the fix.
///
/// The message follows the lab's diagnostic style: lower case, names in single quotes, no
/// trailing period, e.g. `'threshold' must be a whole number from 1 to 1000000; got '0'`.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The one-line diagnostic.
  public var message: String

  /// Creates an error with the given diagnostic.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
