extension BreakerConfiguration {
  /// Returns this configuration with `key` set to `value`, or throws a diagnostic.
  ///
  /// `like` is accepted too and replaces everything with a preset. Nothing is returned unless
  /// the whole result is valid (see ``validated()``).
  /// - Throws: ``ConfigurationError`` naming the key and the allowed values.
  public func setting(_ key: String, to value: String) throws(ConfigurationError)
    -> BreakerConfiguration
  {
    try setting(key, to: value, validating: true)
  }

  private func setting(_ key: String, to value: String, validating: Bool)
    throws(ConfigurationError) -> BreakerConfiguration
  {
    if key == "like" {
      guard let preset = Preset(rawValue: value) else {
        let names = Preset.allCases.map(\.rawValue)
        let hint = Suggestion.hint(
          for: value, in: names, otherwise: "presets: \(names.joined(separator: ", "))")
        throw ConfigurationError("unknown preset '\(value)'\(hint)")
      }
      return validating ? try preset.configuration.validated() : preset.configuration
    }
    guard let known = ConfigurationKey.named(key) else {
      let names = ["like"] + ConfigurationKey.all.map(\.name)
      let hint = Suggestion.hint(for: key, in: names, otherwise: "'help keys' lists them")
      throw ConfigurationError("unknown key '\(key)'\(hint)")
    }
    var copy = self
    guard known.apply(&copy, value) else {
      throw ConfigurationError("'\(key)' must be \(known.values); got '\(value)'")
    }
    return validating ? try copy.validated() : copy
  }

  /// Applies `KEY=VALUE` settings in order, `like=` first, all or nothing.
  /// - Throws: ``ConfigurationError`` for the first bad setting.
  public func applying(_ settings: [(key: String, value: String)]) throws(ConfigurationError)
    -> BreakerConfiguration
  {
    var result = self
    guard settings.filter({ $0.key == "like" }).count <= 1 else {
      throw ConfigurationError("'like' is given twice; a breaker starts from one preset")
    }
    let ordered = settings.filter { $0.key == "like" } + settings.filter { $0.key != "like" }
    for setting in ordered {
      result = try result.setting(setting.key, to: setting.value, validating: false)
    }
    return try result.validated()
  }

  /// Checks the rules that tie several keys together.
  /// - Throws: ``ConfigurationError`` naming the key to change.
  public func validated() throws(ConfigurationError) -> BreakerConfiguration {
    if policy == .rate, lastCalls == nil, Milliseconds(buckets) > rolling {
      throw ConfigurationError(
        "'buckets' must be at most the milliseconds in 'rolling' (\(rolling)); got \(buckets)")
    }
    if case .periodic(let interval) = evaluation, interval > rolling, policy == .rate {
      throw ConfigurationError(
        "'evaluate' interval \(DurationText.format(interval)) must not exceed 'rolling' "
          + "(\(DurationText.format(rolling)))")
    }
    // Snapshots judge the rate window; a count or consecutive breaker would never be judged.
    if case .periodic(let interval) = evaluation, policy != .rate {
      throw ConfigurationError(
        "'evaluate=\(DurationText.format(interval))' needs 'policy=rate'; "
          + "set 'evaluate=failure' or 'policy=rate'")
    }
    if let cap = backoffCap, cap < reset {
      throw ConfigurationError(
        "'backoff-cap' (\(DurationText.format(cap))) must be at least 'reset' "
          + "(\(DurationText.format(reset)))")
    }
    if countRejected, lastCalls != nil {
      throw ConfigurationError(
        "'count-rejected=on' needs a time window; set 'last=off' or 'count-rejected=off'")
    }
    if closeRule == .successes, let trials, successes > trials {
      throw ConfigurationError(
        "'successes' (\(successes)) must not exceed 'trials' (\(trials)), or the breaker "
          + "could never close; raise 'trials' too")
    }
    if closeRule == .rate, trials == nil {
      throw ConfigurationError("'close-rule=rate' needs a number of 'trials'; got unlimited")
    }
    return self
  }

  /// The settings that differ from the preset this configuration started from, as
  /// `KEY=VALUE` words, so a breaker can be described or re-created exactly.
  public var settingsDifferingFromPreset: [String] {
    let base = Preset(rawValue: preset)?.configuration ?? BreakerConfiguration()
    return ConfigurationKey.all.compactMap { key in
      let mine = key.value(in: self)
      return mine == key.value(in: base) ? nil : "\(key.name)=\(mine)"
    }
  }
}
