/// A record: fields in the order they were written.
///
/// Names and values are kept apart, so that the records read from one file, which mostly
/// have the same names in the same order, share one array of names.
public struct Record: Sendable, Equatable {
  /// One named value of a record.
  public struct Field: Sendable, Equatable {
    /// The field name, unique in its record.
    public var name: String
    /// The field's value.
    public var value: Value
  }

  /// The field names, in the order they were first set.
  public private(set) var names: [String] = []
  /// The field values, in the order of `names`.
  public private(set) var values: [Value] = []
  /// What the record is, for messages ("session"); nil for records built by hand.
  public var kind: String?

  /// An empty record, of `kind` when given.
  public init(kind: String? = nil) { self.kind = kind }

  /// Records are equal when their fields are, in order; the kind does not count.
  public static func == (lhs: Record, rhs: Record) -> Bool { lhs.names == rhs.names && lhs.values == rhs.values }

  /// A record with these fields, in this order.
  public init(_ pairs: KeyValuePairs<String, Value>) {
    for (name, value) in pairs { self[name] = value }
  }

  /// A record of `values` under `names`, which are known to differ (the JSON reader's).
  init(distinctNames names: [String], values: [Value]) {
    self.names = names
    self.values = values
  }

  /// A record of `kind` with these fields, in this order; a repeated name keeps its last value.
  public init(kind: String? = nil, fields: [(String, Value)]) {
    self.kind = kind
    for (name, value) in fields { self[name] = value }
  }

  /// The fields, name and value together.
  public var fields: [Field] { zip(names, values).map { Field(name: $0, value: $1) } }

  /// Whether the record has no fields.
  public var isEmpty: Bool { names.isEmpty }

  /// The value of the field `name`; setting nil removes the field, setting a new name adds
  /// it at the end.
  public subscript(name: String) -> Value? {
    get { names.firstIndex(of: name).map { values[$0] } }
    set {
      if let index = names.firstIndex(of: name) {
        if let newValue {
          values[index] = newValue
        } else {
          names.remove(at: index)
          values.remove(at: index)
        }
      } else if let newValue {
        names.append(name)
        values.append(newValue)
      }
    }
  }
}
