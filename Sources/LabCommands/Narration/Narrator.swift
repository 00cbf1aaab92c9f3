import BreakerCore
import Simulation

/// Turns world events into the lines a learner reads, and feeds the trace.
///
/// Calls made by direct commands get a line each; calls made by a `load` are only counted
/// (the load prints a summary). Transitions always get a line, up to ``transitionLineLimit``
/// per command, after which the rest are counted and mentioned once.
struct Narrator: WorldObserver {
  static let transitionLineLimit = 200
  /// Calls narrated one line each per command; the rest are summed up in one line.
  static let callLineLimit = 1000

  var lines: [String] = []
  var trace: (any TraceSink)?
  /// Recent calls per breaker, moved in from the lab for the command and back after it.
  var activity = ActivityLog()
  /// The last transition of each breaker during this command.
  var transitionsSeen: [String: Transition] = [:]
  var stop: @Sendable () -> Bool
  private var transitionLines = 0
  private var callLines = 0
  /// The calls past ``callLineLimit``, counted by result.
  private(set) var unprintedCalls = LoadSummary()
  /// Transitions seen so far in this command.
  private(set) var transitionCount = 0
  private(set) var unprintedTransitions = 0

  init(trace: (any TraceSink)?, stop: @escaping @Sendable () -> Bool) {
    self.trace = trace
    self.stop = stop
  }

  /// Whether long work was asked to stop during this command (Ctrl-C).
  var stopped: Bool { stopRecord.seen }
  private let stopRecord = StopRecord()

  var shouldStop: Bool {
    let stop = stop()
    if stop { stopRecord.seen = true }
    return stop
  }

  mutating func observe(_ event: WorldEvent) {
    trace?.write(line: TraceFormat.line(for: event))
    switch event {
    case .transition(let breaker, let transition):
      transitionsSeen[breaker] = transition
      transitionCount += 1
      guard transitionLines < Narrator.transitionLineLimit else {
        unprintedTransitions += 1
        return
      }
      transitionLines += 1
      lines.append(Narrator.line(breaker: breaker, transition))
    case .call(let record):
      activity.record(record)
      guard !record.fromLoad else { return }
      guard callLines < Narrator.callLineLimit else {
        unprintedCalls.count(record)
        return
      }
      callLines += 1
      lines.append(Narrator.line(for: record))
    }
  }

  /// `t=12s  payments  CLOSED -> OPEN  (5 failures within 60s)`
  static func line(breaker: String, _ transition: Transition) -> String {
    "t=\(DurationText.format(transition.at))  \(breaker)  \(transition.from.label) -> "
      + "\(transition.to.label)  (\(transition.reason.text))"
  }

  /// `t=250ms  api  call -> success in 250ms`
  static func line(for record: CallRecord) -> String {
    let who =
      record.breaker == nil || record.breaker == record.service
      ? record.service : "\(record.service) via \(record.breaker ?? "")"
    var verb: String
    switch record.forced {
    case nil: verb = "call"
    case .success?: verb = "succeed"
    case .ignored?: verb = "ignore"
    case .failure?, .timeout?: verb = "fail"
    }
    if record.attempt > 1 { verb += " (attempt \(record.attempt))" }
    let took = DurationText.format(record.at - record.startedAt)
    let forced = record.forced != nil
    var text: String
    switch record.result {
    case .success where record.forced == .ignored:
      text = record.uncounted ? "neutral: neither success nor failure" : "counted as a success"
    case .success:
      text = forced ? "success counted" : "success in \(took)"
    case .failure:
      text = forced ? "failure counted" : "failure in \(took)"
    case .timeout:
      text = forced ? "timeout counted" : "timeout after \(took)"
    case .rejected:
      text = "rejected: failed fast (\(rejection(record.rejection, at: record.at)))"
    case .starved:
      text = "no free worker in the pool; request dropped"
    }
    if record.uncounted, record.forced != .ignored {
      text += " (not counted: admitted before the last state change)"
    }
    if record.fellBack { text += "; fallback answered" }
    return "t=\(DurationText.format(record.at))  \(who)  \(verb) -> \(text)"
  }

  static func rejection(_ rejection: Rejection?, at now: Milliseconds) -> String {
    switch rejection {
    case .open(let trialAt):
      "OPEN; trial allowed at t=\(DurationText.format(trialAt)), "
        + "in \(DurationText.format(max(0, trialAt - now)))"
    case .trialsTaken(let limit):
      "HALF_OPEN; \(limit == 1 ? "the trial slot is" : "all \(limit) trial slots are") taken"
    case .forcedOpen:
      "forced open by hand"
    case nil:
      "breaker not admitting calls"
    }
  }
}

/// Remembers that a stop was requested, from inside the observer's read-only `shouldStop`.
private final class StopRecord {
  var seen = false
}
