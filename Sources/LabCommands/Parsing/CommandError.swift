/// Why a line could not be parsed or run: one line of diagnosis that says how to fix it.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The diagnostic, e.g. `unknown command 'brekaer'; did you mean 'breaker'?`.
  public var message: String

  /// Creates an error with the given diagnostic.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
