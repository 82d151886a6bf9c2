import DSHLanguage

/// What `revoke` and `revoke-user` accept, turned into ids.
enum Targets {
  struct Session: BulkTarget {
    var id: Int
    var userId: String?
    /// What the result record shows as `target`.
    var label: Value

    var journalTarget: JournalTarget { .connection(id) }
  }

  /// A connection id written as digits only: `"+12"` or `" 12"` is not taken for 12.
  static func connectionId(_ text: String) -> Int? {
    guard !text.isEmpty, text.count <= 18, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }

  static func sessions(_ value: Value, argument: Int = 0) throws -> [Session] {
    switch value {
    case .int(let id): return [Session(id: id, userId: nil, label: .int(id))]
    case .string(let text):
      if let id = connectionId(text) { return [Session(id: id, userId: nil, label: .int(id))] }
    case .record(let record) where record.kind != "user" && record.kind != "result":
      guard case .int(let id)? = record["id"] else { break }
      return [Session(id: id, userId: record["userId"]?.asString, label: .int(id))]
    case .list(let items): return try items.flatMap { try sessions($0, argument: argument) }
    default: break
    }
    var help = "pass a session or login record, a connection id, or a list of them"
    if value.asRecord?.kind == "user" || isGuid(value.asString) || value.asString?.contains("@") == true {
      help = "that is a user: to end all of a user's sessions use 'revoke-user'"
    }
    throw CommandFailure(.usage, "revoke cannot end \(describe(value))", help: help, argument: .positional(argument))
  }

  enum User: BulkTarget {
    case id(String)
    case email(String)

    var text: String {
      switch self {
      case .id(let id): return id
      case .email(let email): return email
      }
    }

    var label: Value { .string(text) }
    var journalTarget: JournalTarget { .user(text) }
  }

  static func users(_ value: Value, argument: Int = 0) throws -> [User] {
    switch value {
    case .string(let text) where isGuid(text): return [.id(text.lowercased())]
    case .string(let text) where text.contains("@"): return [.email(text)]
    case .record(let record) where record.kind == "user" || record.kind == "unfinished" || record.kind == nil:
      if case .string(let id)? = record["id"], isGuid(id) { return [.id(id.lowercased())] }
      if record.kind == "unfinished", case .string(let email)? = record["id"], email.contains("@") {
        return [.email(email)]
      }
    case .list(let items): return try items.flatMap { try users($0, argument: argument) }
    default: break
    }
    var help = "pass a user record, a user id, an email, or a list of them"
    if case .record(let record) = value, record.kind == "session" || record.kind == "login" {
      help = "that is a session: to end one session use 'revoke'; for its user, pass $x.userId"
    } else if value.asInt != nil {
      help = "that looks like a connection id: use 'revoke'"
    }
    throw CommandFailure(
      .usage, "revoke-user cannot use \(describe(value))", help: help, argument: .positional(argument))
  }

  /// Whether `text` is a GUID as the API writes one: 8-4-4-4-12 hex digits. (Not a regex
  /// literal: Swift parses one anew each time it is evaluated, 15% of a bulk run's CPU.)
  static func isGuid(_ text: String?) -> Bool {
    guard let text, text.utf8.count == 36 else { return false }
    return text.utf8.enumerated().allSatisfy { index, byte in
      [8, 13, 18, 23].contains(index)
        ? byte == UInt8(ascii: "-") : byte < 0x80 && Character(Unicode.Scalar(byte)).isHexDigit
    }
  }

  static func describe(_ value: Value) -> String {
    if case .record(let record) = value, let kind = record.kind { return "a \(kind) record" }
    if case .string(let text) = value { return "the string \"\(text)\"" }
    return "a value of type \(value.typeName)"
  }
}

extension Targets {
  /// What `revoke` accepts, checked on literals before running and on values before sending.
  static let sessionCheck = ValueCheck(
    { value in problem { _ = try sessions(value) } },
    schema: { schema in
      guard schema.recordName == "user" else { return nil }
      return ArgumentProblem(
        "revoke cannot end a user record", help: "that is a user: to end all of a user's sessions use 'revoke-user'")
    })

  /// What `revoke-user` accepts.
  static let userCheck = ValueCheck(
    { value in problem { _ = try users(value) } },
    schema: { schema in
      guard let name = schema.recordName, name == "session" || name == "login" else { return nil }
      return ArgumentProblem(
        "revoke-user cannot use a \(name) record",
        help: "that is a session: to end one session use 'revoke'; for its user, pass $x.userId")
    })

  private static func problem(_ parse: () throws -> Void) -> ArgumentProblem? {
    do {
      try parse()
      return nil
    } catch let failure as CommandFailure {
      return ArgumentProblem(failure.message, help: failure.help)
    } catch {
      return ArgumentProblem(String(describing: error))
    }
  }
}
