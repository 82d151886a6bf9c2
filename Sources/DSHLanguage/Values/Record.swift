/// A record: fields in the order they were written.
///
/// A record is two references, its layout (names and kind) and its values, so that a value
/// holds one without a box of its own, and the records read from one file, which mostly have
/// the same names in the same order, share one layout.
public struct Record: Sendable, Equatable {
  /// One named value of a record.
  public struct Field: Sendable, Equatable {
    /// The field name, unique in its record.
    public var name: String
    /// The field's value.
    public var value: Value
  }

  private var layout: RecordLayout
  /// The field values, in the order of `names`.
  public private(set) var values: [Value]

  /// An empty record, of `kind` when given.
  public init(kind: String? = nil) {
    layout = kind == nil ? .empty : RecordLayout(names: [], kind: kind)
    values = []
  }

  /// Records are equal when their fields are, in order; the kind does not count.
  public static func == (lhs: Record, rhs: Record) -> Bool {
    (lhs.layout === rhs.layout || lhs.names == rhs.names) && lhs.values == rhs.values
  }

  /// A record with these fields, in this order.
  public init(_ pairs: KeyValuePairs<String, Value>) {
    self.init(kind: nil, fields: pairs.map { ($0.key, $0.value) })
  }

  /// A record of `values` under `layout`'s names, which are known to differ (the JSON reader's).
  init(layout: RecordLayout, values: [Value]) {
    self.layout = layout
    self.values = values
  }

  /// A record of `kind` with these fields, in this order; a repeated name keeps its last value.
  public init(kind: String? = nil, fields: [(String, Value)]) {
    var names: [String] = []
    var values: [Value] = []
    names.reserveCapacity(fields.count)
    values.reserveCapacity(fields.count)
    for (name, value) in fields {
      if let index = names.firstIndex(of: name) {
        values[index] = value
      } else {
        names.append(name)
        values.append(value)
      }
    }
    self.init(layout: RecordLayout(names: names, kind: kind), values: values)
  }

  /// The field names, in the order they were first set.
  public var names: [String] { layout.names }
  /// What the record is, for messages ("session"); nil for records built by hand.
  public var kind: String? { layout.kind }

  /// The fields, name and value together.
  public var fields: [Field] { zip(names, values).map { Field(name: $0, value: $1) } }

  /// Whether the record has no fields.
  public var isEmpty: Bool { values.isEmpty }

  /// The value of the field `name`; setting nil removes the field, setting a new name adds
  /// it at the end.
  public subscript(name: String) -> Value? {
    get { layout.names.firstIndex(of: name).map { values[$0] } }
    set {
      if let index = layout.names.firstIndex(of: name) {
        if let newValue {
          values[index] = newValue
        } else {
          var names = layout.names
          names.remove(at: index)
          layout = RecordLayout(names: names, kind: layout.kind)
          values.remove(at: index)
        }
      } else if let newValue {
        layout = RecordLayout(names: layout.names + [name], kind: layout.kind)
        values.append(newValue)
      }
    }
  }
}

/// The names of a record's fields and what the record is: shared by records alike, never changed.
final class RecordLayout: Sendable {
  static let empty = RecordLayout(names: [], kind: nil)

  let names: [String]
  let kind: String?

  init(names: [String], kind: String?) {
    self.names = names
    self.kind = kind
  }
}
