import BreakerCore
import DequeModule

/// The simulated world: a virtual clock, services with fault modes, the breakers guarding
/// them, calls in flight, load generators and the application's worker pool.
///
/// Deterministic: the same operations and seed always give the same events in the same order.
/// Time moves only when an operation moves it; everything due at or before a time is applied
/// before anything else happens at that time. Memory does not grow with the number of calls
/// simulated: an attempt in flight lives only in its completion event on the queue (whose lanes
/// reuse their buffers, so they never hold more than the most attempts in flight), and a hung
/// call without a timeout is only counted.
///
/// ```swift
/// var world = World(seed: 42)
/// try world.configureBreaker("payments", settings: [("like", "lesson")])
/// var observer = IgnoringObserver()
/// world.forceOutcome(.failure, on: "payments", count: 5, observer: &observer)
/// world.slot(named: "payments")?.breaker.state   // .open
/// ```
public struct World: Sendable {
  /// The largest number of calls one operation may simulate.
  public static let callLimit: Int64 = 50_000_000
  /// How many transitions each breaker keeps for `log` and timelines.
  public static let transitionLogLimit = 10_000
  /// How many callers may queue for a serialised breaker's lock.
  public static let lockQueueLimit = 100_000

  /// The virtual clock.
  public internal(set) var now: Milliseconds = 0
  /// The seed the generator started from.
  public internal(set) var seed: UInt64
  var random: SplitMix64
  public internal(set) var services: [Service] = [] {
    didSet { resolveServiceBreakers() }
  }
  public internal(set) var slots: [BreakerSlot] = []
  /// Counters for calls to services that have no breaker, by service index.
  public internal(set) var unprotectedStats: [BreakerStats] = []
  var serviceIndex: [String: Int] = [:]
  var slotIndex: [String: Int] = [:] {
    didSet { resolveServiceBreakers() }
  }
  /// The slot of the breaker guarding each service, by service index: `services[i].breaker`
  /// looked up in `slotIndex`, redone whenever either changes so that a call needs no lookup
  /// by name.
  var serviceBreakerSlots: [Int?] = []
  var queue = EventQueue()
  var sequence: UInt64 = 0
  /// The generators of the running `load`; each keeps its own next arrival.
  var loads: [LoadGenerator] = []
  /// The earliest next arrival of all loads (``ScheduledEvent/Key/last`` if none), and the
  /// generator it belongs to.
  var nextArrival = ScheduledEvent.Key.last
  var nextLoad = 0
  var lockQueues: [Int: Deque<Attempt>] = [:]
  /// The application's worker pool: `nil` for unlimited.
  public internal(set) var workers: Int?
  /// Workers held by requests in flight.
  public internal(set) var busyWorkers = 0
  /// Requests turned away for want of a free worker.
  public internal(set) var starvedRequests = 0
  var nextRequest: UInt64 = 0
  /// The request a sequential `call` waits for, and whether it has ended.
  var watchedRequest: UInt64?
  var watchedRequestEnded = false
  /// Tallies of the current load, and of the current direct command, by result.
  var loadTally = LoadSummary()
  var commandTally = LoadSummary()
  /// The running `call`'s `fallback=` setting, overriding the service's for its calls.
  var callFallback: Bool?
  /// The current operation's number: only its own requests count in its tally.
  var batch: UInt32 = 0

  /// Creates an empty world at time zero.
  public init(seed: UInt64 = 0) {
    self.seed = seed
    self.random = SplitMix64(seed: seed)
  }

  /// The breaker with this name.
  public func slot(named name: String) -> BreakerSlot? {
    slotIndex[name].map { slots[$0] }
  }

  /// The service with this name.
  public func service(named name: String) -> Service? {
    serviceIndex[name].map { services[$0] }
  }

  /// Whether anything is still scheduled (calls in flight with an end, loads, timers).
  public var hasPendingEvents: Bool { !queue.isEmpty || nextArrival != .last }

  // MARK: - Scheduling

  mutating func schedule(_ kind: ScheduledEvent.Kind, at time: Milliseconds) {
    sequence += 1
    queue.insert(ScheduledEvent(time: time, sequence: sequence, kind: kind))
  }

  /// Puts a breaker's next timer on the queue if it is not there yet.
  mutating func syncTimer(ofBreaker index: Int) {
    // Through a mutating method of the slot: reading `slots[index].breaker.nextDeadline`
    // here copied the whole breaker (about 400 bytes and its buffers' reference counts).
    guard let deadline = slots[index].takeUnscheduledDeadline(now: now) else { return }
    schedule(.breakerTimer(index), at: max(deadline, now))
  }

  /// Schedules the end of an attempt `delay` from now, in the queue's lane for that delay.
  mutating func schedule(_ attempt: Attempt, endingAfter delay: Milliseconds) {
    sequence += 1
    queue.insert(
      ScheduledEvent(time: now + delay, sequence: sequence, kind: .attemptEnds(attempt)),
      delay: delay)
  }

  mutating func resolveServiceBreakers() {
    serviceBreakerSlots = services.map { service in service.breaker.flatMap { slotIndex[$0] } }
  }

  /// Applies every event due at or before `time`, then sets the clock to `time`.
  ///
  /// - Returns: `false` if the observer asked to stop first; the clock then stands at the last
  ///   event applied and every load is cancelled, leaving the world consistent.
  @discardableResult
  public mutating func run(until time: Milliseconds, observer: inout some WorldObserver) -> Bool {
    let limit = ScheduledEvent.Key(time: time, sequence: .max)
    var processed = 0
    while nextEventKey < limit {
      processed &+= 1
      if processed & 0xFFF == 0, observer.shouldStop {
        cancelLoads()
        return false
      }
      applyNextEvent(observer: &observer)
    }
    now = max(now, time)
    return true
  }

  /// Moves the clock forward by `duration`, firing everything due on the way.
  @discardableResult
  public mutating func advance(
    by duration: Milliseconds, observer: inout some WorldObserver
  ) -> Bool {
    run(until: now + min(max(0, duration), DurationText.maximum - now), observer: &observer)
  }

  /// The key of the earliest pending event, on the queue or a load's next arrival
  /// (``ScheduledEvent/Key/last`` if there is none).
  ///
  /// Arrivals stay out of the queue (each generator keeps its next one, with the sequence
  /// number it would have had there), which spares a queue insertion and removal per call of a
  /// load; the order of events is the same as if they were on it.
  var nextEventKey: ScheduledEvent.Key { min(queue.nextKey, nextArrival) }

  /// Applies the earliest pending event, if any, moving the clock to its time.
  ///
  /// This and the per-call path it leads to (`handle`, `arrive`, `startRequest`,
  /// `startAttempt`, `answer`, `finish`, `emit`, `endRequest` and the slot's `acquire` and
  /// `recordEnd`) are `@inline(__always)`, so that a load compiles into one loop in
  /// ``run(until:observer:)``: the optimiser otherwise stops inlining these generic methods
  /// early (figures in `Benchmarks/README.md`). The rarer paths that lead back into it
  /// (`retry`, `handOnLock`) are kept out of line.
  @inline(__always)
  mutating func applyNextEvent(observer: inout some WorldObserver) {
    if nextArrival < queue.nextKey {
      now = max(now, nextArrival.time)
      arrive(load: nextLoad, observer: &observer)
    } else if let event = queue.popMin() {
      now = max(now, event.time)
      handle(event.kind, observer: &observer)
    }
  }

  @inline(__always)
  mutating func handle(_ kind: ScheduledEvent.Kind, observer: inout some WorldObserver) {
    switch kind {
    case .attemptEnds(let attempt):
      finish(attempt, observer: &observer)
    case .breakerTimer(let index):
      if slots[index].scheduledDeadline == now { slots[index].scheduledDeadline = nil }
      while let transition = slots[index].breaker.advance(to: now) {
        note(transition, breaker: index, observer: &observer)
      }
      syncTimer(ofBreaker: index)
    }
  }

  /// Records a transition in the breaker's log and tells the observer.
  mutating func note(
    _ transition: Transition, breaker index: Int, observer: inout some WorldObserver
  ) {
    if slots[index].transitions.count >= World.transitionLogLimit {
      slots[index].transitions.removeFirst(World.transitionLogLimit / 2)
      slots[index].droppedTransitions += World.transitionLogLimit / 2
    }
    slots[index].transitions.append(transition)
    observer.observe(.transition(breaker: slots[index].name, transition))
  }
}
