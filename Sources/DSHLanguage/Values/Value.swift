import Foundation

/// Every value a dsh program handles.
public enum Value: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case date(Date)
  /// A length of time in seconds.
  case duration(Double)
  case list([Value])
  // Two words, as a string is, so that no case needs a box: each value (a million of them in
  // a large file) takes 24 bytes.
  case record(Record)

  /// The name of the value's type, as used in messages.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "bool"
    case .int: return "int"
    case .float: return "float"
    case .string: return "string"
    case .date: return "date"
    case .duration: return "duration"
    case .list: return "list"
    case .record: return "record"
    }
  }

  /// Whether a condition treats the value as true: false, null, 0, "" and empty lists and records are
  /// false; everything else is true.
  public var isTruthy: Bool {
    switch self {
    case .null: return false
    case .bool(let flag): return flag
    case .int(let number): return number != 0
    case .float(let number): return number != 0
    case .string(let text): return !text.isEmpty
    case .list(let items): return !items.isEmpty
    case .record(let record): return !record.isEmpty
    case .date, .duration: return true
    }
  }

  /// The text of a string; nil for any other kind of value.
  public var asString: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// An int, or a float with no fractional part (below 10^15 in size), as an int; nil otherwise.
  public var asInt: Int? {
    switch self {
    case .int(let number): return number
    case .float(let number) where number == number.rounded() && abs(number) < 1e15: return Int(number)
    default: return nil
    }
  }

  /// The items of a list; nil for any other kind of value.
  public var asList: [Value]? {
    if case .list(let items) = self { return items }
    return nil
  }

  /// The record, when the value is one; nil otherwise.
  public var asRecord: Record? {
    if case .record(let record) = self { return record }
    return nil
  }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral {
  /// A string value, so that `"text"` can stand for `.string("text")`.
  public init(stringLiteral value: String) { self = .string(value) }
  /// An int value, so that `3` can stand for `.int(3)`.
  public init(integerLiteral value: Int) { self = .int(value) }
  /// A bool value, so that `true` can stand for `.bool(true)`.
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}
