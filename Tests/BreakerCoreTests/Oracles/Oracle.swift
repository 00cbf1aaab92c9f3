/// A tiny, library-agnostic vocabulary for differential tests.
///
/// An oracle is an independent, literal re-implementation of one real circuit-breaker library
/// (or of the lesson's from-scratch breaker). It is fed the same steps as the lab's reference
/// breaker and must agree with it on every admitted/rejected decision and every transition time.
///
/// Conventions shared by every oracle (and by the lab's simulation):
/// - Time is in integer milliseconds of virtual time, starting at 0 when the breaker is created.
/// - Steps arrive in non-decreasing time order.
/// - Before a step at time `t` is applied, every timer of the library that is due at or before
///   `t` has fired, in due-time order (ties: the timer that was scheduled first fires first).
/// - `settle` is only ever given for a call whose `acquire` was admitted, at most once.
enum OracleStep: Sendable, Equatable {
  /// A caller asks the breaker to run call `id` at time `at`.
  case acquire(id: Int, at: Int64)
  /// Admitted call `id` finishes at time `at` with `outcome`.
  case settle(id: Int, at: Int64, outcome: OracleOutcome)
  /// Virtual time moves to `to`; nothing else happens (timers due by then fire).
  case advance(to: Int64)
}

/// How a protected call ended.
enum OracleOutcome: String, Sendable, Equatable, CaseIterable {
  case success
  case failure
  /// The per-call timeout expired (the library's own timeout, counted as it counts it).
  case timeout
}

/// The three classic breaker states.
enum OracleState: String, Sendable, Equatable {
  case closed
  case open
  case halfOpen = "half_open"
}

/// One state change, at the virtual time it happened.
struct OracleTransition: Sendable, Equatable, CustomStringConvertible {
  var at: Int64
  var from: OracleState
  var to: OracleState

  var description: String { "t=\(at)ms \(from.rawValue)->\(to.rawValue)" }
}

/// Everything an oracle observed: each acquire's decision and every transition, in order.
struct OracleLog: Sendable, Equatable {
  /// For each `acquire` step, in step order: the call id and whether it was admitted.
  var decisions: [(id: Int, admitted: Bool)] = []
  var transitions: [OracleTransition] = []

  static func == (lhs: OracleLog, rhs: OracleLog) -> Bool {
    lhs.transitions == rhs.transitions
      && lhs.decisions.map(\.id) == rhs.decisions.map(\.id)
      && lhs.decisions.map(\.admitted) == rhs.decisions.map(\.admitted)
  }
}

/// A model of one breaker library that can be stepped.
protocol BreakerOracle {
  /// Applies one step and returns, for an `acquire`, whether the call was admitted
  /// (`nil` for other steps). Transitions are appended to `log`.
  mutating func apply(_ step: OracleStep, log: inout OracleLog) -> Bool?
}
