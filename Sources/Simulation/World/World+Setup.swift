import BreakerCore

/// A change to the world that was refused; the world is unchanged.
public struct WorldError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The one-line diagnostic.
  public var message: String

  /// Creates an error with the given diagnostic.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}

extension World {
  /// What ``configureBreaker(_:settings:)`` did.
  public enum BreakerChange: Sendable, Equatable {
    case created
    /// Reconfigured: the breaker starts again CLOSED with fresh counts; the transition back
    /// to CLOSED, if it was elsewhere, is in its log.
    case reconfigured(Transition?)
  }

  /// Creates or reconfigures the breaker `name`, which guards the service of the same name
  /// (created `up` if missing, unless it is already guarded by another breaker).
  /// - Parameter settings: `KEY=VALUE` pairs; `like` picks a preset (default `lesson`).
  /// - Throws: ``WorldError`` with the configuration diagnostic; nothing changes.
  @discardableResult
  public mutating func configureBreaker(
    _ name: String, settings: [(key: String, value: String)]
  ) throws(WorldError) -> BreakerChange {
    let base = slot(named: name)?.breaker.configuration ?? Preset.lesson.configuration
    let configuration: BreakerConfiguration
    do {
      configuration = try base.applying(settings)
    } catch {
      throw WorldError(error.message)
    }
    let breaker = CircuitBreaker(configuration, at: now)
    if let index = slotIndex[name] {
      guard slots[index].stats.inFlight == 0 else {
        throw WorldError(
          "breaker '\(name)' has \(slots[index].stats.inFlight) call(s) in flight; "
            + "advance until they end, or 'reset' the world, before reconfiguring it")
      }
      let old = slots[index].breaker.state
      slots[index].breaker = breaker
      slots[index].scheduledDeadline = nil
      slots[index].lockHeld = false
      syncTimer(ofBreaker: index)
      guard old != .closed else { return .reconfigured(nil) }
      let transition = Transition(from: old, to: .closed, at: now, reason: .reconfigured)
      slots[index].transitions.append(transition)
      return .reconfigured(transition)
    }
    slotIndex[name] = slots.count
    slots.append(BreakerSlot(name: name, breaker: breaker))
    if let service = serviceIndex[name] {
      if services[service].breaker == nil { services[service].breaker = name }
    } else {
      var service = Service(name: name)
      service.breaker = name
      addService(service)
    }
    return .created
  }

  mutating func addService(_ service: Service) {
    serviceIndex[service.name] = services.count
    services.append(service)
    unprotectedStats.append(BreakerStats())
  }

  /// Sets a service's fault mode and options, creating it if needed.
  ///
  /// A service named like an existing breaker is guarded by it unless `breaker` says
  /// otherwise; `breaker: .some(nil)` removes its protection.
  /// - Throws: ``WorldError`` when the named breaker does not exist; nothing changes.
  public mutating func configureService(
    _ name: String, mode: FaultMode?, latency: Milliseconds? = nil,
    breaker: String?? = nil, retries: Int? = nil, fallback: Bool? = nil,
    timeout: Milliseconds?? = nil
  ) throws(WorldError) {
    if case .some(.some(let guardName)) = breaker, slotIndex[guardName] == nil {
      let hint = Suggestion.hint(for: guardName, in: slots.map(\.name))
      throw WorldError(
        "no breaker named '\(guardName)'\(hint); create it first with 'breaker \(guardName)'")
    }
    if serviceIndex[name] == nil {
      var service = Service(name: name)
      if slotIndex[name] != nil { service.breaker = name }
      addService(service)
    }
    guard let index = serviceIndex[name] else { return }
    if let mode { services[index].mode = mode }
    if let latency { services[index].latency = latency }
    if let breaker { services[index].breaker = breaker }
    if let retries { services[index].retries = retries }
    if let fallback { services[index].fallback = fallback }
    if let timeout { services[index].timeout = timeout }
  }

  /// Sets the application's worker pool (`nil`: unlimited).
  /// - Throws: ``WorldError`` if more workers are busy than the new size allows.
  public mutating func setWorkers(_ count: Int?) throws(WorldError) {
    if let count, count < busyWorkers {
      throw WorldError(
        "\(busyWorkers) workers are busy now; choose at least \(busyWorkers) or 'reset' first")
    }
    workers = count
  }

  /// Restarts the random generator from `seed`.
  public mutating func reseed(_ seed: UInt64) {
    self.seed = seed
    random = SplitMix64(seed: seed)
  }

  /// Forces a breaker into a state by hand (a manual transition).
  /// - Throws: ``WorldError`` for an unknown breaker.
  public mutating func force(
    _ name: String, to state: BreakerState, observer: inout some WorldObserver
  ) throws(WorldError) {
    let index = try breakerIndex(name)
    if let transition = slots[index].breaker.force(state, at: now) {
      note(transition, breaker: index, observer: &observer)
    }
    syncTimer(ofBreaker: index)
  }

  /// Sets a breaker's manual mode (forced open, disabled, metrics only, or normal).
  /// - Throws: ``WorldError`` for an unknown breaker.
  public mutating func setMode(_ name: String, to mode: BreakerMode) throws(WorldError) {
    let index = try breakerIndex(name)
    slots[index].breaker.setMode(mode)
    syncTimer(ofBreaker: index)
  }

  /// The index of a breaker, or a diagnostic with the closest name.
  func breakerIndex(_ name: String) throws(WorldError) -> Int {
    guard let index = slotIndex[name] else {
      let hint = Suggestion.hint(
        for: name, in: slots.map(\.name), otherwise: "create it with 'breaker \(name)'")
      throw WorldError("no breaker named '\(name)'\(hint)")
    }
    return index
  }

  /// The index of a service, or a diagnostic with the closest name.
  func serviceIndexOrThrow(_ name: String) throws(WorldError) -> Int {
    guard let index = serviceIndex[name] else {
      let hint = Suggestion.hint(
        for: name, in: services.map(\.name), otherwise: "create it with 'service \(name) up'")
      throw WorldError(
        "no service named '\(name)'\(hint)"
      )
    }
    return index
  }
}
