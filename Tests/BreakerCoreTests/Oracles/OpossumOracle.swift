/// A literal port of the state logic of opossum v10 (`nodeshift/opossum`), read in
/// `lib/circuit.js` at commit c9782aef22b00467e20d67bf1ada89f1e868f212 (v8.4.0) and
/// `lib/status.js` at commit d50c912ebb5b642f9bd16efc24afda94432cd666 (v8.2.0): the newest
/// stored versions of both files. The changelog up to 9.0.0 and PR #953 (the 10.0.0 breaking
/// change, "remove Node 20 support") show no later change to `lib/`.
/// See `docs/research/opossum.md` for the rule list.
///
/// What is ported (default options otherwise: no cache, no coalesce, `enabled`, no warm-up,
/// `capacity = Number.MAX_SAFE_INTEGER`, no `errorFilter`, no health check, no
/// `rotateBucketController`):
/// - `CircuitBreaker.call`: emits `fire` (so `fires` counts *every* call, rejected ones too),
///   then rejects when `!this.closed && !this.pendingClose` (emitting `reject`), otherwise sets
///   `PENDING_CLOSE = false` synchronously and runs the action. In HALF_OPEN the first call sees
///   `pendingClose == true` and is the single trial; later ones are rejected.
/// - success: the `success` event increments `successes`, and its listener calls `close()` only
///   when `this.halfOpen`. A stale success from a call admitted earlier closes a half-open breaker.
/// - failure: `handleError` -> `fail()`: emit `failure` (`failures` += 1); return if warming up;
///   return if `stats.fires < volumeThreshold && !halfOpen`; open if
///   `failures / fires * 100 > errorThresholdPercentage || halfOpen`.
/// - timeout (opossum's own `setTimeout(options.timeout)`): emit `timeout` (`timeouts` += 1), then
///   `handleError` exactly like a failure, so it counts in `timeouts` *and* `failures`.
/// - `open()` / `close()` are no-ops when already in that state. `open()` clears `pendingClose`
///   and its `open` event starts `setTimeout(resetTimeout)`; that timer (`_halfOpen`) sets
///   HALF_OPEN and `pendingClose = true`. `close()` clears the reset timer and `pendingClose`.
/// - `Status`: `rollingCountBuckets` buckets; `setInterval(rotateBucket, bucketInterval)` from
///   construction, `bucketInterval = Math.floor(rollingCountTimeout / rollingCountBuckets)`;
///   a rotation pops the oldest bucket and unshifts a fresh one; events count into `window[0]`;
///   `stats` sums every bucket. Transitions never clear counts (`Status.open()/close()` only flag
///   the current bucket).
///
/// Timing follows `Oracle.swift`: the breaker is created at t=0, rotations are due at
/// k * bucketInterval (k >= 1), the reset timer at openTime + resetTimeout, and due timers fire
/// before a step in (due, scheduling order) order. Delays go through Node's own clamp (a delay
/// below 1 ms or above 2^31 - 1 ms becomes 1 ms, `lib/internal/timers.js` `Timeout`).
struct OpossumOracle: BreakerOracle {
  /// Counts of one `Status` bucket (`bucket()` in `lib/status.js`), the ones the logic can read.
  struct Bucket: Equatable {
    var fires = 0
    var failures = 0
    var successes = 0
    var rejects = 0
    var timeouts = 0
  }

  /// A pending Node timer: when it is due, and a sequence number giving scheduling order.
  private struct PendingTimer {
    var due: Int64
    var sequence: Int
  }

  /// `options.errorThresholdPercentage` (`?? 50` in the constructor).
  let errorThresholdPercentage: Double
  /// `this[VOLUME_THRESHOLD]` (`Number.isInteger(options.volumeThreshold) ? ... : 0`).
  let volumeThreshold: Int
  /// The delay actually given to `setTimeout` by `_startTimer` (after Node's clamp).
  let resetDelay: Int64
  /// The delay actually given to `setInterval(this.rotateBucket, bucketInterval)`.
  let bucketInterval: Int64

  /// `this[STATE]`: starts CLOSED.
  private(set) var state: OracleState = .closed
  /// `this[PENDING_CLOSE]`: starts false.
  private(set) var pendingClose = false
  /// `Status[WINDOW]`: `window[0]` is the current bucket.
  private(set) var window: [Bucket]
  /// The `setInterval` that rotates buckets; always pending.
  private var rotationTimer: PendingTimer
  /// `this[RESET_TIMEOUT]` while it has not fired or been cleared. At most one is ever pending:
  /// `open()` only starts one when the state was not OPEN, and the state leaves OPEN only when
  /// this timer fires (no manual `close()` here).
  private var resetTimer: PendingTimer?
  /// The next timer sequence number (0 went to the first rotation, started in `init`).
  private var nextSequence = 1
  /// Admitted calls that have not settled yet.
  private var inFlight: Set<Int> = []

  /// - Parameters mirror opossum's options of the same names; times are in milliseconds.
  init(
    errorThresholdPercentage: Double = 50,
    volumeThreshold: Int = 0,
    rollingCountTimeout: Int64 = 10_000,
    rollingCountBuckets: Int = 10,
    resetTimeout: Int64 = 30_000
  ) {
    self.errorThresholdPercentage = errorThresholdPercentage
    self.volumeThreshold = volumeThreshold
    self.resetDelay = Self.nodeTimerDelay(resetTimeout)
    // `Status` constructor: `options.rollingCountBuckets || 10`, `rollingCountTimeout || 10000`.
    let buckets = rollingCountBuckets == 0 ? 10 : rollingCountBuckets
    let windowLength = rollingCountTimeout == 0 ? 10_000 : rollingCountTimeout
    // `new Array(this[BUCKETS])` throws a RangeError for a negative length.
    precondition(buckets > 0, "opossum's Status throws for a negative rollingCountBuckets")
    // `Math.floor(this[TIMEOUT] / this[BUCKETS])`: floor, not truncation, for a negative window.
    let divisor = Int64(buckets)
    var interval = windowLength / divisor
    if windowLength % divisor != 0 && windowLength < 0 { interval -= 1 }
    self.bucketInterval = Self.nodeTimerDelay(interval)
    self.window = Array(repeating: Bucket(), count: buckets)
    self.rotationTimer = PendingTimer(due: bucketInterval, sequence: 0)
  }

  /// `Status#stats`: the sum of every bucket in the window.
  var stats: Bucket {
    window.reduce(into: Bucket()) { total, bucket in
      total.fires += bucket.fires
      total.failures += bucket.failures
      total.successes += bucket.successes
      total.rejects += bucket.rejects
      total.timeouts += bucket.timeouts
    }
  }

  mutating func apply(_ step: OracleStep, log: inout OracleLog) -> Bool? {
    switch step {
    case .acquire(let id, let at):
      runTimers(upTo: at, log: &log)
      return call(id: id)
    case .settle(let id, let at, let outcome):
      runTimers(upTo: at, log: &log)
      guard inFlight.remove(id) != nil else { return nil }
      switch outcome {
      case .success:
        emitSuccess(now: at, log: &log)
      case .failure:
        handleError(now: at, log: &log)
      case .timeout:
        // The timeout callback in `call`: `this.emit('timeout', ...)`, then `handleError`.
        window[0].timeouts += 1
        handleError(now: at, log: &log)
      }
      return nil
    case .advance(let to):
      runTimers(upTo: to, log: &log)
      return nil
    }
  }

  // MARK: - lib/circuit.js

  /// `CircuitBreaker.call`, up to starting the action. Returns whether the action runs.
  private mutating func call(id: Int) -> Bool {
    window[0].fires += 1  // `this.emit('fire', args)` -> `increment('fires')`
    if state != .closed && !pendingClose {
      window[0].rejects += 1  // `this.emit('reject', error)` -> `increment('rejects')`
      return false
    }
    pendingClose = false  // `this[PENDING_CLOSE] = false;`
    // `this.semaphore.test()` always succeeds with the default capacity.
    inFlight.insert(id)
    return true
  }

  /// `this.emit('success', ...)`: `increment('successes')`, then the listener
  /// `_ => { if (this.halfOpen) { this.close(); } }` registered in the constructor.
  private mutating func emitSuccess(now: Int64, log: inout OracleLog) {
    window[0].successes += 1
    if state == .halfOpen {
      close(now: now, log: &log)
    }
  }

  /// `handleError` with the default `errorFilter` (`_ => false`): calls `fail`.
  private mutating func handleError(now: Int64, log: inout OracleLog) {
    fail(now: now, log: &log)
  }

  /// `function fail (circuit, err, args, latency)`.
  private mutating func fail(now: Int64, log: inout OracleLog) {
    window[0].failures += 1  // `circuit.emit('failure', ...)` -> `increment('failures')`
    // `if (circuit.warmUp) return;` — `allowWarmUp` is false, so never warming up.
    let stats = self.stats
    let halfOpen = state == .halfOpen
    if stats.fires < volumeThreshold && !halfOpen { return }
    // `const errorRate = stats.failures / stats.fires * 100;` (Infinity when fires == 0).
    let errorRate = Double(stats.failures) / Double(stats.fires) * 100
    if errorRate > errorThresholdPercentage || halfOpen {
      open(now: now, log: &log)
    }
  }

  /// `CircuitBreaker.open`: a no-op when already OPEN. Its `open` event runs the listener from
  /// `_startTimer(this)`, which starts `setTimeout(() => _halfOpen(circuit), resetTimeout)`.
  private mutating func open(now: Int64, log: inout OracleLog) {
    guard state != .open else { return }
    let previous = state
    state = .open
    pendingClose = false
    log.transitions.append(OracleTransition(at: now, from: previous, to: .open))
    resetTimer = schedule(due: now + resetDelay)
  }

  /// `CircuitBreaker.close`: a no-op when already CLOSED; clears the reset timer.
  private mutating func close(now: Int64, log: inout OracleLog) {
    guard state != .closed else { return }
    resetTimer = nil  // `clearTimeout(this[RESET_TIMEOUT])`
    let previous = state
    state = .closed
    pendingClose = false
    log.transitions.append(OracleTransition(at: now, from: previous, to: .closed))
  }

  /// `function _halfOpen (circuit)`, run by the reset timer: unconditional.
  private mutating func halfOpen(now: Int64, log: inout OracleLog) {
    let previous = state
    state = .halfOpen
    pendingClose = true
    if previous != .halfOpen {
      log.transitions.append(OracleTransition(at: now, from: previous, to: .halfOpen))
    }
  }

  // MARK: - lib/status.js

  /// `nextBucket(window)`: `window.pop(); window.unshift(bucket());`.
  private mutating func rotateBucket() {
    window.removeLast()
    window.insert(Bucket(), at: 0)
  }

  // MARK: - Node timers

  /// Fires every timer due at or before `time`, earliest due first; on a tie, the one scheduled
  /// first. A `setInterval` is rescheduled (with a new sequence number) when it fires.
  private mutating func runTimers(upTo time: Int64, log: inout OracleLog) {
    while true {
      let rotation = rotationTimer
      if let reset = resetTimer, reset.due <= time, Self.firesBefore(reset, rotation) {
        resetTimer = nil
        halfOpen(now: reset.due, log: &log)
      } else if rotation.due <= time {
        rotateBucket()
        rotationTimer = schedule(due: rotation.due + bucketInterval)
      } else {
        return
      }
    }
  }

  /// Whether timer `a` fires before timer `b`.
  private static func firesBefore(_ a: PendingTimer, _ b: PendingTimer) -> Bool {
    (a.due, a.sequence) < (b.due, b.sequence)
  }

  /// Starts a timer due at `due`, after every timer started before it.
  private mutating func schedule(due: Int64) -> PendingTimer {
    defer { nextSequence += 1 }
    return PendingTimer(due: due, sequence: nextSequence)
  }

  /// Node's clamp in the `Timeout` constructor: `if (!(after >= 1 && after <= TIMEOUT_MAX))`
  /// the delay becomes 1 ms (`TIMEOUT_MAX` is 2^31 - 1).
  private static func nodeTimerDelay(_ delay: Int64) -> Int64 {
    (1...2_147_483_647).contains(delay) ? delay : 1
  }
}
