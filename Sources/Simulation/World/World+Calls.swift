import BreakerCore
import DequeModule

extension World {
  /// Starts one request (a call and its retries) to a service now, holding a worker.
  @discardableResult
  @inline(__always)
  mutating func startRequest(
    service: Int, fromLoad: Bool, retries: Int?, observer: inout some WorldObserver
  ) -> UInt64 {
    nextRequest += 1
    let id = nextRequest
    if fromLoad { loadTally.requests += 1 }
    let breaker = serviceBreakerSlots[service]
    let attempt = Attempt(
      request: id, service: service, startedAt: now, number: 1,
      retriesLeft: retries ?? services[service].retries, permit: nil, breaker: breaker,
      result: .success, fromLoad: fromLoad, batch: batch)
    if let workers, busyWorkers >= workers {
      starvedRequests += 1
      emit(attempt, result: .starved, fellBack: fallback(for: attempt), observer: &observer)
      if id == watchedRequest { watchedRequestEnded = true }
      return id
    }
    busyWorkers += 1
    startAttempt(attempt, observer: &observer)
    return id
  }

  /// Asks the breaker (if any) and, when admitted, sends the attempt to the service: decides
  /// how the service answers, and schedules the end of the attempt.
  @inline(__always)
  mutating func startAttempt(_ attempt: Attempt, observer: inout some WorldObserver) {
    var attempt = attempt
    let timeout: Milliseconds?
    // Whether the breaker has a timer to put on the queue: after `acquire` only a call that
    // ends at once (and so is recorded) can change that.
    var hasTimer = false
    if let index = attempt.breaker {
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
      let fallback = fallback(for: attempt)
      let (decision, timer) = slots[index].acquire(at: now, fallback: fallback)
      hasTimer = timer
      if let transition = decision.transition {
        note(transition, breaker: index, observer: &observer)
      }
      switch decision.admission {
      case .rejected(let rejection):
        emit(
          attempt, result: .rejected, fellBack: fallback, rejection: rejection,
          observer: &observer)
        endRequest(attempt.request)
        if hasTimer { syncTimer(ofBreaker: index) }
        return
      case .admitted(let permit):
        attempt.permit = permit
        timeout = slots[index].breaker.configuration.timeout ?? services[attempt.service].timeout
      }
    } else {
      timeout = services[attempt.service].timeout
      unprotectedStats[attempt.service].inFlight += 1
      unprotectedStats[attempt.service].calls += 1
    }
    let duration: Milliseconds?
    (duration, attempt.result) = answer(from: attempt.service, timeout: timeout)
    // With no duration the call hangs for good: it is only counted, never scheduled.
    if duration == 0 {
      finish(attempt, observer: &observer)
      hasTimer = true
    } else if let duration {
      schedule(attempt, endingAfter: duration)
    }
    if hasTimer, let index = attempt.breaker { syncTimer(ofBreaker: index) }
  }

  /// How a service answers an attempt made now: after how long (`nil`: never) and how.
  @inline(__always)
  private mutating func answer(
    from service: Int, timeout: Milliseconds?
  ) -> (Milliseconds?, CallResult) {
    // Field by field: copying the whole service would retain and release its strings.
    let latency = services[service].latency
    var answer: (Milliseconds?, CallResult)
    switch services[service].mode {
    case .up: answer = (latency, .success)
    case .down: answer = (latency, .failure)
    case .hang: answer = (nil, .success)
    case .slow(let delay): answer = (delay, .success)
    case .refuse: answer = (0, .failure)
    case .flaky(let percent):
      let failed = random.unit() * 100 < percent
      answer = (latency, failed ? .failure : .success)
    }
    if let timeout, answer.0 ?? .max >= timeout { answer = (timeout, .timeout) }
    return answer
  }

  /// Ends an attempt: records it, then retries, falls back or ends the request.
  @inline(__always)
  mutating func finish(_ attempt: Attempt, observer: inout some WorldObserver) {
    let failed = attempt.result != .success
    let willRetry = failed && attempt.retriesLeft > 0
    let fellBack = failed && !willRetry && fallback(for: attempt)
    var uncounted = false
    var transition: Transition?
    // Whether the breaker has a timer to put on the queue (see `startAttempt`).
    var hasTimer = true
    if let index = attempt.breaker, let permit = attempt.permit {
      (uncounted, transition, hasTimer) = slots[index].recordEnd(
        attempt.result, permit: permit, fellBack: fellBack, startedAt: attempt.startedAt,
        at: now)
    } else {
      if let index = attempt.breaker {
        slots[index].stats.inFlight -= 1
      } else {
        unprotectedStats[attempt.service].inFlight -= 1
      }
      unprotectedStats[attempt.service].count(attempt.result, fellBack: fellBack, uncounted: false)
      unprotectedStats[attempt.service].waitingMillis += now - attempt.startedAt
    }
    emit(
      attempt, result: attempt.result, fellBack: fellBack, uncounted: uncounted, observer: &observer
    )
    if let transition, let index = attempt.breaker {
      note(transition, breaker: index, observer: &observer)
    }
    if hasTimer, let index = attempt.breaker { syncTimer(ofBreaker: index) }
    if willRetry {
      retry(after: attempt, observer: &observer)
    } else {
      endRequest(attempt.request)
    }
    // Only serialised breakers have callers waiting, so usually there is nothing to look up.
    if !lockQueues.isEmpty, let index = attempt.breaker {
      handOnLock(of: index, observer: &observer)
    }
  }

  /// Starts the next attempt of a request after a failed one.
  ///
  /// (Kept out of line, as is ``handOnLock(of:observer:)``: these rarer paths lead back to
  /// ``startAttempt(_:observer:)``, which is inlined into the event loop.)
  @inline(never)
  mutating func retry(after attempt: Attempt, observer: inout some WorldObserver) {
    var next = attempt
    next.number += 1
    next.retriesLeft -= 1
    next.permit = nil
    next.startedAt = now
    startAttempt(next, observer: &observer)
  }

  /// Hands a serialised breaker's lock on: callers that fail fast never take it, so this keeps
  /// going until one does.
  @inline(never)
  mutating func handOnLock(of index: Int, observer: inout some WorldObserver) {
    // Pop in place: copying the queue out of the dictionary first would copy all of it for
    // every caller resumed, which made a long serialised queue quadratic.
    while !slots[index].lockHeld, let next = lockQueues[index]?.popFirst() {
      if lockQueues[index]?.isEmpty == true { lockQueues[index] = nil }
      slots[index].stats.waitingMillis += now - next.startedAt
      slots[index].stats.inFlight -= 1
      var resumed = next
      resumed.startedAt = now
      startAttempt(resumed, observer: &observer)
    }
  }

  /// Frees the worker of a request that ended.
  @inline(__always)
  mutating func endRequest(_ id: UInt64) {
    if id == watchedRequest { watchedRequestEnded = true }
    busyWorkers = max(0, busyWorkers - 1)
  }

  /// Tells the observer about an attempt that ended, and counts it for a running load.
  @inline(__always)
  mutating func emit(
    _ attempt: Attempt, result: CallResult, fellBack: Bool, uncounted: Bool = false,
    rejection: Rejection? = nil, observer: inout some WorldObserver
  ) {
    if attempt.batch == batch {
      if attempt.fromLoad {
        loadTally.count(result, fellBack: fellBack)
      } else {
        commandTally.count(result, fellBack: fellBack)
      }
    }
    guard observer.observesCalls else { return }
    let record = CallRecord(
      at: now, startedAt: attempt.startedAt, service: services[attempt.service].name,
      breaker: attempt.breaker.map { slots[$0].name }, result: result, attempt: attempt.number,
      fellBack: fellBack, uncounted: uncounted, fromLoad: attempt.fromLoad,
      forced: attempt.forced, rejection: rejection)
    observer.observe(.call(record))
  }
}

extension World {
  /// Whether a fallback answers for this attempt: the current `call`'s `fallback=` setting
  /// for a direct call, else the service's.
  @inline(__always)
  func fallback(for attempt: Attempt) -> Bool {
    (attempt.fromLoad ? nil : callFallback) ?? services[attempt.service].fallback
  }
}
