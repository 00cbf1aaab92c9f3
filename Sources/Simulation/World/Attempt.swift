import BreakerCore

/// One call attempt in flight. While its end is scheduled it lives in its completion event.
///
/// The fields are ordered so that they pack tightly (80 bytes): attempts are copied in and
/// out of the event queue for every call.
struct Attempt: Sendable, Equatable {
  var request: UInt64
  var service: Int
  var startedAt: Milliseconds
  var number: Int
  var retriesLeft: Int
  var permit: Permit?
  var breaker: Int?
  /// How it will end when its event fires.
  var result: CallResult
  var fromLoad: Bool
  /// For `succeed`/`fail`/`ignore`: the outcome forced on the call.
  var forced: Outcome? = nil
  /// The operation (command or load) that started the request, for its tally.
  var batch: UInt32 = 0
}
