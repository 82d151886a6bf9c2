import DSHLanguage
import DocSpaceAPI

/// How one target of a verb that ends sessions came out.
///
/// The summary, the exit status, the journal and the retry rules read this type, never a string
/// read back from a record.
enum Outcome: String, Sendable, CaseIterable, Decodable {
  /// The portal ended it.
  case closed
  /// The portal knows no active session by that id (unknown, or already ended).
  case notActive = "not-active"
  /// The caller may not end it.
  case forbidden
  /// The portal said no, or nothing was sent (the connection could not be made).
  case failed
  /// Sent, but no answer came (timeout, lost connection, cancelled in flight).
  case unknown
  /// Never sent: the run stopped first, or it is the shell's own connection.
  case skipped

  /// Whether the target may still hold a session that was meant to end (exit status 3).
  var isFailure: Bool { self == .forbidden || self == .failed || self == .unknown }

  /// Whether re-running the target is the way to finish it (`journal --unfinished`).
  var isUnfinished: Bool { self == .unknown || self == .skipped }
}

/// One target's result, as the verb reports it and the journal keeps it.
struct TargetResult: Sendable {
  /// The target as the user gave it (a connection id, an email, a user id).
  var label: Value
  var outcome: Outcome
  var status: Int?
  var error: String?
  /// Whose session or account it is, `Display Name <email>`, where known.
  var name: String? = nil

  var value: Value {
    .record(
      Record(
        kind: "result",
        fields: [
          ("target", label), ("name", name.map(Value.string) ?? .null), ("outcome", .string(outcome.rawValue)),
          ("status", status.map(Value.int) ?? .null),
          ("error", error.map(Value.string) ?? .null),
        ]))
  }
}

/// What one attempt at a target came to, as the bulk runner needs to know it.
enum Attempt: Sendable {
  /// The portal answered (or the request could not be sent): this is the target's outcome.
  case finished(Outcome, status: Int?, error: String?)
  /// 429 or 503: the whole run slows down and the target waits its turn again.
  case throttled(status: Int, retryAfter: Double?)
  /// Sent, but no answer: the run may try again (the verbs' PUTs are idempotent).
  case noAnswer(error: String)
}

extension Attempt {
  /// An API error as the runner needs it.
  ///
  /// `sent` says whether the request may have gone out (after `SendHook.willSend`): only then can a
  /// lost answer mean it took effect.
  init(_ error: APIError, sent: Bool, forbidden: String) {
    switch error {
    case .rateLimited(_, let retryAfter): self = .throttled(status: 429, retryAfter: retryAfter)
    case .unavailable(_, let retryAfter): self = .throttled(status: 503, retryAfter: retryAfter)
    case .accessDenied: self = .finished(.forbidden, status: 403, error: forbidden)
    case .cancelled where !sent: self = .finished(.skipped, status: nil, error: "stopped before it was sent")
    case _ where error.answerIsUnknown && sent: self = .noAnswer(error: error.message)
    default: self = .finished(.failed, status: error.status, error: error.message)
    }
  }
}
