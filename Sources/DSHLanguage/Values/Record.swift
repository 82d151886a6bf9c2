/// A record: fields in the order they were written.
public struct Record: Sendable, Equatable {
  public struct Field: Sendable, Equatable {
    public var name: String
    public var value: Value
  }

  public private(set) var fields: [Field] = []
  /// What the record is, for messages ("session"); nil for records built by hand.
  public var kind: String?

  public init(kind: String? = nil) { self.kind = kind }

  public static func == (lhs: Record, rhs: Record) -> Bool { lhs.fields == rhs.fields }

  public init(_ pairs: KeyValuePairs<String, Value>) {
    for (name, value) in pairs { self[name] = value }
  }

  /// A record of fields whose names are known to differ (the JSON reader's).
  init(distinctFields fields: [Field]) { self.fields = fields }

  public init(kind: String? = nil, fields: [(String, Value)]) {
    self.kind = kind
    for (name, value) in fields { self[name] = value }
  }

  public var isEmpty: Bool { fields.isEmpty }
  public var names: [String] { fields.map(\.name) }

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
