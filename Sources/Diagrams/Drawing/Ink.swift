import BreakerCore

/// The colour roles of the diagrams: what a piece of text means, drawn as an ANSI colour.
///
/// Every role is also shown by characters (a double border, `#` for OPEN, `x` for a failure),
/// so a diagram reads the same without colour.
enum Ink: Sendable, Equatable {
  case closed
  case open
  case halfOpen
  case failure
  case timeout
  case rejection
  case success
  /// Something that no longer counts, or a scale.
  case faint
  /// Something to notice: the arrow just taken, a manual mode.
  case highlight

  /// The colour of a breaker state.
  init(_ state: BreakerState) {
    switch state {
    case .closed: self = .closed
    case .open: self = .open
    case .halfOpen: self = .halfOpen
    }
  }

  /// The SGR parameters.
  var code: String {
    switch self {
    case .closed: "32"
    case .open: "1;31"
    case .halfOpen: "1;33"
    case .failure: "31"
    case .timeout: "35"
    case .rejection: "36"
    case .success: "32"
    case .faint: "2"
    case .highlight: "1"
    }
  }
}
