/// Unified diffs of failing steps, numbered by the transcript's own lines.
public enum DiffReport {
  /// The report of one failing step: a header naming the input line, then a unified diff.
  ///
  /// ```text
  /// transcripts/basics.lab:16: output differs for 'lab> fail api 3'
  /// --- transcripts/basics.lab (expected)
  /// +++ actual
  /// @@ -17,2 +17,2 @@
  ///  t=0ms  api  fail -> failure counted  [1/3 failures within 60s]
  /// -t=0ms  api  CLOSED -> OPEN  (3 failures within 60s)
  /// +t=0ms  api  fail -> failure counted  [2/3 failures within 60s]
  /// ```
  public static func lines(for failure: Replayer.StepFailure, path: String, shift: Int = 0)
    -> [String]
  {
    let step = failure.step
    let expected = step.expected
    let oldStart = expected.first?.line ?? step.line
    var body: [String] = []
    var oldCount = 0
    var newCount = 0
    var shownEllipsis = Set<Int>()
    for operation in failure.alignment {
      switch operation {
      case .keep(let e, _):
        body.append(" " + expected[e].text)
        oldCount += 1
        newCount += 1
      case .absorb(let e, let a):
        if shownEllipsis.insert(e).inserted {
          body.append(" ...")
          oldCount += 1
          newCount += 1
        }
        _ = a
      case .endAbsorb(let e):
        if shownEllipsis.insert(e).inserted {
          body.append(" ...")
          oldCount += 1
          newCount += 1
        }
      case .delete(let e):
        body.append("-" + expected[e].text)
        oldCount += 1
      case .insert(let a):
        body.append("+" + failure.actual[a])
        newCount += 1
      }
    }
    let oldRange = oldCount == 0 ? "\(step.line),0" : "\(oldStart),\(oldCount)"
    let newStart = (oldCount == 0 ? step.line + 1 : oldStart) + shift
    let newRange = newCount == 0 ? "\(newStart - 1),0" : "\(newStart),\(newCount)"
    return [
      "\(path):\(step.line): output differs for '\(Transcript.prompt)\(step.input)'",
      "--- \(path) (expected)",
      "+++ actual",
      "@@ -\(oldRange) +\(newRange) @@",
    ] + body
  }

  /// The new expected lines of a failing step: matched lines keep their wildcards, `...`
  /// stays where it still absorbs output, missing lines go and new output comes in.
  static func updatedLines(for failure: Replayer.StepFailure) -> [String] {
    var lines: [String] = []
    var emitted = Set<Int>()
    for operation in failure.alignment {
      switch operation {
      case .keep(let e, _): lines.append(failure.step.expected[e].text)
      case .absorb(let e, _), .endAbsorb(let e):
        if emitted.insert(e).inserted { lines.append("...") }
      case .delete: break
      case .insert(let a): lines.append(failure.actual[a])
      }
    }
    return lines
  }
}
