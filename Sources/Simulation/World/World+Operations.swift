import BreakerCore

extension World {
  /// Makes `count` calls to a service one after another, each starting when the previous one
  /// ended, moving the clock as they take time.
  ///
  /// If a call can never end (the service hangs and nothing times it out) the remaining calls
  /// are not made and the summary says `stuck`.
  /// - Throws: ``WorldError`` for an unknown service or a count over ``callLimit``.
  public mutating func call(
    _ name: String, count: Int, retries: Int? = nil, fallback: Bool? = nil,
    observer: inout some WorldObserver
  ) throws(WorldError) -> LoadSummary {
    let service = try serviceIndexOrThrow(name)
    try checkCount(Int64(count), what: "calls")
    callFallback = fallback
    defer { callFallback = nil }
    run(until: now, observer: &observer)
    commandTally = LoadSummary()
    batch &+= 1
    for _ in 0..<count {
      if observer.shouldStop {
        commandTally.interrupted = true
        break
      }
      commandTally.requests += 1
      watchedRequest = nextRequest + 1
      watchedRequestEnded = false
      startRequest(service: service, fromLoad: false, retries: retries, observer: &observer)
      while !watchedRequestEnded {
        guard nextEventKey < .last else {
          commandTally.stuck = true
          break
        }
        applyNextEvent(observer: &observer)
      }
      watchedRequest = nil
      if commandTally.stuck { break }
    }
    return commandTally
  }

  /// Records `count` calls through a breaker whose outcome is forced, at the current time:
  /// no service is reached and no time passes. A rejected call is reported as such.
  /// - Throws: ``WorldError`` for an unknown breaker or a count over ``callLimit``.
  public mutating func forceOutcome(
    _ outcome: Outcome, on name: String, count: Int, observer: inout some WorldObserver
  ) throws(WorldError) -> LoadSummary {
    let index = try breakerIndex(name)
    try checkCount(Int64(count), what: "calls")
    run(until: now, observer: &observer)
    commandTally = LoadSummary()
    batch &+= 1
    let service = serviceIndex[name] ?? services.firstIndex { $0.breaker == name } ?? 0
    for _ in 0..<count {
      if observer.shouldStop { break }
      commandTally.requests += 1
      let decision = slots[index].breaker.acquire(at: now)
      if let transition = decision.transition {
        note(transition, breaker: index, observer: &observer)
      }
      slots[index].stats.calls += 1
      var attempt = Attempt(
        request: 0, service: service, startedAt: now, number: 1, retriesLeft: 0, permit: nil,
        breaker: index, result: .success, fromLoad: false, forced: outcome, batch: batch)
      switch decision.admission {
      case .rejected(let rejection):
        slots[index].stats.rejections += 1
        emit(attempt, result: .rejected, fellBack: false, rejection: rejection, observer: &observer)
      case .admitted(let permit):
        let recording = slots[index].breaker.record(outcome, for: permit, at: now)
        let uncounted = recording.effect == .stale || recording.effect == .neutral
        attempt.result =
          switch outcome {
          case .success, .ignored: .success
          case .failure: .failure
          case .timeout: .timeout
          }
        slots[index].stats.count(attempt.result, fellBack: false, uncounted: uncounted)
        emit(
          attempt, result: attempt.result, fellBack: false, uncounted: uncounted,
          observer: &observer)
        if let transition = recording.transition {
          note(transition, breaker: index, observer: &observer)
        }
      }
      syncTimer(ofBreaker: index)
    }
    return commandTally
  }

  /// Sends traffic to one or more services over `duration` of virtual time, then returns a
  /// summary; the clock ends at the load's end (calls still in flight go on).
  /// - Parameters:
  ///   - targets: Service names and rates in calls per second.
  ///   - poisson: Seeded Poisson arrivals instead of evenly spaced ones.
  /// - Throws: ``WorldError`` for an unknown service, a bad rate, or more than ``callLimit``
  ///   calls in all; nothing happens then.
  public mutating func load(
    _ targets: [(service: String, rate: Double)], for duration: Milliseconds, poisson: Bool,
    observer: inout some WorldObserver
  ) throws(WorldError) -> LoadSummary {
    var indices: [Int] = []
    var total = 0.0
    for target in targets {
      indices.append(try serviceIndexOrThrow(target.service))
      guard target.rate > 0, target.rate <= 1_000_000 else {
        throw WorldError(
          "a rate must be above 0 and up to 1000000 calls per second; got \(target.rate)")
      }
      total += LoadGenerator.evenCount(rate: target.rate, duration: duration)
    }
    guard duration > 0 else {
      throw WorldError("a load needs a duration of at least 1ms, e.g. 'for 30s'")
    }
    let expected = poisson ? total * 1.1 + 100 : total
    guard expected <= Double(World.callLimit) else {
      throw WorldError(
        "that load would simulate about \(Int64(total)) calls; the limit is "
          + "\(World.callLimit) per command (lower the rate or the duration)")
    }
    run(until: now, observer: &observer)
    loadTally = LoadSummary()
    batch &+= 1
    let end = now + duration
    for (index, target) in zip(indices, targets) {
      loads.append(
        LoadGenerator(service: index, rate: target.rate, start: now, end: end, poisson: poisson))
      arrive(load: loads.count - 1, observer: &observer)
    }
    let finished = run(until: end, observer: &observer)
    var summary = loadTally
    summary.interrupted = !finished
    summary.stillInFlight =
      slots.reduce(0) { $0 + $1.stats.inFlight }
      + unprotectedStats.reduce(0) { $0 + $1.inFlight }
    cancelLoads()
    return summary
  }

  /// Makes one arrival of load `index` and sets its next one.
  ///
  /// The next arrival takes a sequence number as if it were scheduled on the queue (after the
  /// events of the request just started), which orders it among the queue's events.
  @inline(__always)
  mutating func arrive(load index: Int, observer: inout some WorldObserver) {
    if loads[index].emitted > 0 {
      startRequest(
        service: loads[index].service, fromLoad: true, retries: nil, observer: &observer)
    }
    if let next = loads[index].nextArrival(using: &random) {
      sequence += 1
      loads[index].due = ScheduledEvent.Key(time: next, sequence: sequence)
    } else {
      loads[index].due = nil
    }
    nextArrival = .last
    for candidate in loads.indices {
      guard let due = loads[candidate].due, due < nextArrival else { continue }
      nextArrival = due
      nextLoad = candidate
    }
  }

  /// Ends every load, with the arrivals they had due.
  mutating func cancelLoads() {
    loads.removeAll()
    nextArrival = .last
  }

  func checkCount(_ count: Int64, what: String) throws(WorldError) {
    guard count >= 1 else { throw WorldError("the count must be at least 1; got \(count)") }
    guard count <= World.callLimit else {
      throw WorldError("\(count) \(what) is over the limit of \(World.callLimit) per command")
    }
  }
}
