import DSHLanguage
import Foundation

/// One line of the journal (`journal.jsonl`): a run's start, a request's intent, a target's
/// outcome, or the run's end.
///
/// Never holds a token or a password.
struct JournalLine: Decodable, Sendable {
  enum Kind: String, Decodable, Sendable {
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

  /// The line as the journal keeps it: compact JSON, keys in sorted order, absent fields left out.
  ///
  /// Written by hand rather than with `JSONEncoder`: a bulk run writes two lines per request,
  /// and the encoder was a twentieth of the run's CPU.
  var json: String {
    var fields: [(String, Value)] = []
    func add(_ name: String, _ value: Value?) {
      if let value { fields.append((name, value)) }
    }
    add("caller", caller.map(Value.string))
    add(
      "counts",
      counts.map { counts in .record(Record(fields: counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) }))
      })
    add("error", error.map(Value.string))
    add("interrupted", interrupted.map(Value.bool))
    add("label", label.map(Value.string))
    add("outcome", outcome.map { .string($0.rawValue) })
    add("portal", portal.map(Value.string))
    add("run", .string(run))
    add("status", status.map(Value.int))
    add("target", target?.value)
    add("targets", targets.map(Value.int))
    add("time", .string(time))
    add("type", .string(type.rawValue))
    add("verb", .string(verb))
    return JSON.encode(.record(Record(fields: fields)), indent: nil)
  }
}

/// What a request was about: a connection id (revoke) or a user id (revoke-user).
enum JournalTarget: Decodable, Sendable, Hashable {
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

  /// As the journal writes it: the connection id as a number, the user id as a string.
  var value: Value {
    switch self {
    case .connection(let id): return .int(id)
    case .user(let id): return .string(id)
    }
  }
}
