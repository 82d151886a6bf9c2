/// What is known, before running, about the shape of a value: used for completion,
/// `dsh check` and "no field" errors.
public enum Schema: Sendable, Equatable {
  case unknown
  case scalar(String)
  case record(name: String, fields: [String])
  indirect case list(Schema)

  /// The field names of the records this schema describes, directly or as list items.
  public var fieldNames: [String]? {
    switch self {
    case .record(_, let fields): return fields
    case .list(let item): return item.fieldNames
    default: return nil
    }
  }

  /// What the records are called in messages (`a session`).
  public var recordName: String? {
    switch self {
    case .record(let name, _): return name
    case .list(let item): return item.recordName
    default: return nil
    }
  }

  /// The schema of a concrete value, found by looking at it.
  public static func of(_ value: Value) -> Schema {
    switch value {
    case .record(let record): return .record(name: record.kind ?? "record", fields: record.names)
    case .list(let items):
      guard let first = items.first else { return .list(.unknown) }
      // An item shape only when the items share it: `[{a: 1}, {b: 2}]` has none. The REPL
      // checks every entry against its variables, so a big list is judged by its first
      // thousand items, not walked whole each time.
      let shape = of(first)
      guard case .record(let name, let fields) = shape else { return .list(shape) }
      let uniform = items.prefix(1000).allSatisfy { item in
        guard case .record(let record) = item else { return false }
        return (record.kind ?? "record") == name && record.names == fields
      }
      return .list(uniform ? shape : .unknown)
    default: return .scalar(value.typeName)
    }
  }
}
