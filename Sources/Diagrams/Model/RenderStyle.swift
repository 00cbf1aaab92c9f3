/// How text diagrams are drawn: width, character set and colour.
///
/// Colour is decoration only: every diagram must read the same with `color == false`, and the
/// current state is always marked by characters, not just by colour.
public struct RenderStyle: Sendable, Equatable {
  /// The number of columns available; every line fits within it.
  public var width: Int
  /// Unicode box drawing and arrows when `true`; pure ASCII when `false`.
  public var unicode: Bool
  /// ANSI colour escapes when `true`.
  public var color: Bool

  /// Creates a style.
  public init(width: Int = 80, unicode: Bool = true, color: Bool = false) {
    self.width = max(40, min(width, 400))
    self.unicode = unicode
    self.color = color
  }

  /// Plain ASCII, no colour, 80 columns: what tests and transcripts use by default.
  public static let plain = RenderStyle(width: 80, unicode: false, color: false)
}
