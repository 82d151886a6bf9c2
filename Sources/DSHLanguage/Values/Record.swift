/// A record: fields in the order they were written.
public struct Record: Sendable, Equatable {
  /// One named value of a record.
  public struct Field: Sendable, Equatable {
    /// The field name, unique in its record.
    public var name: String
    /// The field's value.
    public var value: Value
  }

  /// The fields in the order they were first set.
  public private(set) var fields: [Field] = []
  /// What the record is, for messages ("session"); nil for records built by hand.
  public var kind: String?

  /// An empty record, of `kind` when given.
  public init(kind: String? = nil) { self.kind = kind }

  /// Records are equal when their fields are, in order; the kind does not count.
  public static func == (lhs: Record, rhs: Record) -> Bool { lhs.fields == rhs.fields }

  /// A record with these fields, in this order.
  public init(_ pairs: KeyValuePairs<String, Value>) {
    for (name, value) in pairs { self[name] = value }
  }

  /// A record of `kind` with these fields, in this order; a repeated name keeps its last value.
  public init(kind: String? = nil, fields: [(String, Value)]) {
    self.kind = kind
    for (name, value) in fields { self[name] = value }
  }

  /// Whether the record has no fields.
  public var isEmpty: Bool { fields.isEmpty }
  /// The field names, in order.
  public var names: [String] { fields.map(\.name) }

  /// The value of the field `name`, or nil; setting nil removes the field, setting a new name appends
  /// it.
  public subscript(name: String) -> Value? {
    get { fields.first { $0.name == name }?.value }
    set {
      if let index = fields.firstIndex(where: { $0.name == name }) {
        if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
      } else if let newValue {
        fields.append(Field(name: name, value: newValue))
      }
    }
  }

}
