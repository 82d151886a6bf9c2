import Foundation

/// One line of the journal (`journal.jsonl`): a run's start, a request's intent, a target's
/// outcome, or the run's end.
///
/// Never holds a token or a password.
struct JournalLine: Codable, Sendable {
  enum Kind: String, Codable, Sendable {
    case start, intent, outcome, end
  }

  var type: Kind
  var run: String
  var time: String
  var portal: String?
  var caller: String?
  var verb: String
  var target: JournalTarget?
  var label: String?
  var outcome: Outcome?
  var status: Int?
  var error: String?
  var targets: Int?
  var counts: [String: Int]?
  var interrupted: Bool?
}

/// What a request was about: a connection id (revoke) or a user id (revoke-user).
enum JournalTarget: Codable, Sendable, Hashable {
  case connection(Int)
  case user(String)

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let id = try? container.decode(Int.self) {
      self = .connection(id)
    } else {
      self = .user(try container.decode(String.self))
    }
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .connection(let id): try container.encode(id)
    case .user(let id): try container.encode(id)
    }
  }
}
