import BreakerCore
import Diagrams
import Simulation

/// Drives one real `CircuitBreaker` with scripted calls, keeping what the diagrams need: the
/// counters, every transition and every call's mark.
struct Driver {
  let name: String
  var breaker: CircuitBreaker
  var stats = BreakerStats()
  var transitions: [Transition] = []
  var marks: [CallMark] = []
  var now: Milliseconds = 0
  /// The transitions made by the latest step.
  var latest: [Transition] = []

  init(_ name: String, _ preset: Preset, edit: (inout BreakerConfiguration) -> Void = { _ in }) {
    var config = preset.configuration
    edit(&config)
    self.name = name
    self.breaker = CircuitBreaker(config, at: 0)
  }

  /// Moves the clock, firing due timers.
  mutating func advance(to time: Milliseconds) {
    latest = []
    tick(to: time)
  }

  private mutating func tick(to time: Milliseconds) {
    now = max(now, time)
    while let transition = breaker.advance(to: time) { note(transition) }
  }

  private mutating func note(_ transition: Transition) {
    transitions.append(transition)
    latest.append(transition)
  }

  /// Starts a call at `time` and leaves it in flight; `nil` when it was rejected.
  mutating func start(at time: Milliseconds) -> Permit? {
    latest = []
    tick(to: time)
    stats.calls += 1
    let decision = breaker.acquire(at: time)
    if let transition = decision.transition { note(transition) }
    guard let permit = decision.admission.permit else {
      stats.rejections += 1
      marks.append(CallMark(at: time, result: .rejected))
      return nil
    }
    stats.inFlight += 1
    return permit
  }

  /// Ends a call started with ``start(at:)``.
  mutating func finish(_ permit: Permit, _ outcome: Outcome, at time: Milliseconds) {
    latest = []
    tick(to: time)
    stats.inFlight -= 1
    let recording = breaker.record(outcome, for: permit, at: time)
    if let transition = recording.transition { note(transition) }
    let result: CallResult
    switch outcome {
    case .success, .ignored:
      stats.successes += 1
      result = .success
    case .failure:
      stats.failures += 1
      result = .failure
    case .timeout:
      stats.timeouts += 1
      result = .timeout
    }
    marks.append(CallMark(at: time, result: result))
  }

  /// One call that ends at once with `outcome` (unless the breaker rejects it).
  mutating func call(_ outcome: Outcome, at time: Milliseconds) {
    guard let permit = start(at: time) else { return }
    let made = latest
    finish(permit, outcome, at: time)
    latest = made + latest
  }

  /// Calls every `step` from `start` up to and including `end`, each ending as `outcome` says.
  mutating func traffic(
    every step: Milliseconds, from start: Milliseconds, through end: Milliseconds,
    _ outcome: (Milliseconds) -> Outcome
  ) {
    var time = start
    while time <= end {
      call(outcome(time), at: time)
      time += step
    }
  }

  /// The breaker as a diagram sees it now; `justTaken` is the latest step's last transition.
  func view(justTaken: Bool = false) -> BreakerView {
    BreakerView(
      name: name, breaker: breaker, stats: stats, now: now,
      justTaken: justTaken ? latest.last : nil)
  }

  /// The whole history, for a timeline.
  var track: TimelineTrack {
    TimelineTrack(name: name, initialState: .closed, transitions: transitions, marks: marks)
  }
}
