import BreakerCore
import DequeModule

extension World {
  /// Starts one request (a call and its retries) to a service now, holding a worker.
  @discardableResult
  mutating func startRequest(
    service: Int, fromLoad: Bool, retries: Int?, observer: inout some WorldObserver
  ) -> UInt64 {
    nextRequest += 1
    let id = nextRequest
    if fromLoad { loadTally.requests += 1 }
    let breaker = serviceBreakerSlots[service]
    let attempt = Attempt(
      request: id, service: service, breaker: breaker, permit: nil, result: .success,
      startedAt: now, number: 1, retriesLeft: retries ?? services[service].retries,
      fromLoad: fromLoad, batch: batch)
    if let workers, busyWorkers >= workers {
      starvedRequests += 1
      emit(attempt, result: .starved, fellBack: services[service].fallback, observer: &observer)
      if id == watchedRequest { watchedRequestEnded = true }
      return id
    }
    busyWorkers += 1
    startAttempt(attempt, observer: &observer)
    return id
  }

  /// Asks the breaker (if any) and, when admitted, sends the attempt to the service.
  mutating func startAttempt(_ attempt: Attempt, observer: inout some WorldObserver) {
    var attempt = attempt
    guard let index = attempt.breaker else {
      launch(attempt, timeout: services[attempt.service].timeout, observer: &observer)
      return
    }
    if slots[index].breaker.configuration.serialized, slots[index].lockHeld {
      if lockQueues[index, default: []].count >= World.lockQueueLimit {
        emit(attempt, result: .starved, fellBack: false, observer: &observer)
        endRequest(attempt.request)
      } else {
        // A caller waiting for the lock is in flight from the application's point of view.
        lockQueues[index, default: []].append(attempt)
        slots[index].stats.inFlight += 1
      }
      return
    }
    let decision = slots[index].breaker.acquire(at: now)
    if let transition = decision.transition {
      note(transition, breaker: index, observer: &observer)
    }
    slots[index].stats.calls += 1
    switch decision.admission {
    case .rejected(let rejection):
      slots[index].stats.rejections += 1
      let fellBack = services[attempt.service].fallback
      if fellBack { slots[index].stats.fallbacks += 1 }
      emit(
        attempt, result: .rejected, fellBack: fellBack, rejection: rejection, observer: &observer)
      endRequest(attempt.request)
    case .admitted(let permit):
      attempt.permit = permit
      if slots[index].breaker.configuration.serialized { slots[index].lockHeld = true }
      let timeout = slots[index].breaker.configuration.timeout ?? services[attempt.service].timeout
      launch(attempt, timeout: timeout, observer: &observer)
    }
    syncTimer(ofBreaker: index)
  }

  /// Decides how the service answers and schedules the end of the attempt.
  private mutating func launch(
    _ attempt: Attempt, timeout: Milliseconds?, observer: inout some WorldObserver
  ) {
    var attempt = attempt
    let service = services[attempt.service]
    var duration: Milliseconds?
    switch service.mode {
    case .up: (duration, attempt.result) = (service.latency, .success)
    case .down: (duration, attempt.result) = (service.latency, .failure)
    case .hang: (duration, attempt.result) = (nil, .success)
    case .slow(let delay): (duration, attempt.result) = (delay, .success)
    case .refuse: (duration, attempt.result) = (0, .failure)
    case .flaky(let percent):
      let failed = random.unit() * 100 < percent
      (duration, attempt.result) = (service.latency, failed ? .failure : .success)
    }
    if let timeout, duration ?? .max >= timeout {
      (duration, attempt.result) = (timeout, .timeout)
    }
    adjustInFlight(attempt, by: 1)
    if attempt.breaker == nil { unprotectedStats[attempt.service].calls += 1 }
    guard let duration else { return }  // Hung for good: only counted, never scheduled.
    if duration == 0 {
      finish(attempt, observer: &observer)
    } else {
      schedule(attempt, endingAt: now + duration)
    }
  }

  private mutating func adjustInFlight(_ attempt: Attempt, by delta: Int) {
    if let index = attempt.breaker {
      slots[index].stats.inFlight += delta
    } else {
      unprotectedStats[attempt.service].inFlight += delta
    }
  }

  /// Ends an attempt: records it, then retries, falls back or ends the request.
  mutating func finish(_ attempt: Attempt, observer: inout some WorldObserver) {
    adjustInFlight(attempt, by: -1)
    let failed = attempt.result != .success
    let willRetry = failed && attempt.retriesLeft > 0
    let fellBack = failed && !willRetry && services[attempt.service].fallback
    var uncounted = false
    var transition: Transition?
    if let index = attempt.breaker, let permit = attempt.permit {
      let outcome: Outcome =
        switch attempt.result {
        case .success: .success
        case .timeout: .timeout
        default: .failure
        }
      let recording = slots[index].breaker.record(outcome, for: permit, at: now)
      uncounted = recording.effect == .stale || recording.effect == .neutral
      transition = recording.transition
      slots[index].stats.count(attempt.result, fellBack: fellBack, uncounted: uncounted)
      slots[index].stats.waitingMillis += now - attempt.startedAt
      if slots[index].breaker.configuration.serialized { slots[index].lockHeld = false }
    } else {
      unprotectedStats[attempt.service].count(attempt.result, fellBack: fellBack, uncounted: false)
      unprotectedStats[attempt.service].waitingMillis += now - attempt.startedAt
    }
    emit(
      attempt, result: attempt.result, fellBack: fellBack, uncounted: uncounted, observer: &observer
    )
    if let transition, let index = attempt.breaker {
      note(transition, breaker: index, observer: &observer)
    }
    if let index = attempt.breaker { syncTimer(ofBreaker: index) }
    if willRetry {
      var next = attempt
      next.number += 1
      next.retriesLeft -= 1
      next.permit = nil
      next.startedAt = now
      startAttempt(next, observer: &observer)
    } else {
      endRequest(attempt.request)
    }
    // Hand the lock on: callers that fail fast never take it, so keep going until one does.
    while let index = attempt.breaker, !slots[index].lockHeld,
      var waiting = lockQueues[index], let next = waiting.popFirst()
    {
      lockQueues[index] = waiting.isEmpty ? nil : waiting
      slots[index].stats.waitingMillis += now - next.startedAt
      slots[index].stats.inFlight -= 1
      var resumed = next
      resumed.startedAt = now
      startAttempt(resumed, observer: &observer)
    }
  }

  mutating func endRequest(_ id: UInt64) {
    if id == watchedRequest { watchedRequestEnded = true }
    busyWorkers = max(0, busyWorkers - 1)
  }

  /// Tells the observer about an attempt that ended, and counts it for a running load.
  mutating func emit(
    _ attempt: Attempt, result: CallResult, fellBack: Bool, uncounted: Bool = false,
    rejection: Rejection? = nil, observer: inout some WorldObserver
  ) {
    let record = CallRecord(
      at: now, startedAt: attempt.startedAt, service: services[attempt.service].name,
      breaker: attempt.breaker.map { slots[$0].name }, result: result, attempt: attempt.number,
      fellBack: fellBack, uncounted: uncounted, fromLoad: attempt.fromLoad,
      forced: attempt.forced, rejection: rejection)
    if attempt.batch == batch {
      if attempt.fromLoad { loadTally.count(record) } else { commandTally.count(record) }
    }
    observer.observe(.call(record))
  }
}

extension BreakerStats {
  /// Counts one ended attempt; a result the breaker dropped (stale or neutral) is counted as
  /// `uncounted` only, so the counters always add up to `calls`.
  mutating func count(_ result: CallResult, fellBack: Bool, uncounted: Bool) {
    if fellBack { fallbacks += 1 }
    if uncounted {
      self.uncounted += 1
      return
    }
    switch result {
    case .success: successes += 1
    case .failure: failures += 1
    case .timeout: timeouts += 1
    case .rejected: rejections += 1
    case .starved: break
    }
  }
}
