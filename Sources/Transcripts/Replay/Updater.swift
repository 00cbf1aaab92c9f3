/// Rewrites a transcript so that it matches what the lab prints now.
///
/// Only the expected output of failing steps changes. Inputs, comments, prose, attributes
/// and blank lines between steps are kept, and so are wildcard lines that still match.
public enum Updater {
  /// The file's new text after repairing every failing step of `result`.
  public static func repaired(_ result: Replayer.Result) -> String {
    var lines = result.transcript.lines
    // Work from the bottom up so earlier line numbers stay valid.
    for failure in result.failures.sorted(by: { $0.step.line > $1.step.line }) {
      let step = failure.step
      let replacement = DiffReport.updatedLines(for: failure)
      if let first = step.expected.first, let last = step.expected.last {
        lines.replaceSubrange((first.line - 1)..<last.line, with: replacement)
      } else {
        lines.insert(contentsOf: replacement, at: step.line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
