import Foundation

extension Value {
  /// Equality as `==` sees it: ints and floats compare by number, a date equals the
  /// ISO string of the same instant.
  public func looselyEquals(_ other: Value) -> Bool {
    switch (self, other) {
    case (.int(let a), .float(let b)): return Double(a) == b
    case (.float(let a), .int(let b)): return a == Double(b)
    case (.date(let a), .string(let b)): return DateText.parse(b).map { $0 == a } ?? false
    case (.string(let a), .date(let b)): return DateText.parse(a).map { $0 == b } ?? false
    case (.list(let a), .list(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.looselyEquals($1) }
    default: return self == other
    }
  }

  /// Ordering for `<`, `sort` and friends; nil when the two cannot be ordered.
  public func compare(to other: Value) -> ComparisonResult? {
    func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
      a < b ? .orderedAscending : a > b ? .orderedDescending : .orderedSame
    }
    switch (self, other) {
    case (.int(let a), .int(let b)): return order(a, b)
    case (.int(let a), .float(let b)): return order(Double(a), b)
    case (.float(let a), .int(let b)): return order(a, Double(b))
    case (.float(let a), .float(let b)): return order(a, b)
    case (.string(let a), .string(let b)): return order(a, b)
    case (.date(let a), .date(let b)): return order(a, b)
    case (.date(let a), .string(let b)): return DateText.parse(b).map { order(a, $0) }
    case (.string(let a), .date(let b)): return DateText.parse(a).map { order($0, b) }
    case (.duration(let a), .duration(let b)): return order(a, b)
    case (.bool(let a), .bool(let b)): return order(a ? 1 : 0, b ? 1 : 0)
    case (.null, .null): return .orderedSame
    default: return nil
    }
  }

  /// A total order for sorting mixed values: nulls last, then by type, then by value.
  public func sortsBefore(_ other: Value) -> Bool {
    if let result = compare(to: other) { return result == .orderedAscending }
    if case .null = other { return true }
    if case .null = self { return false }
    return typeName < other.typeName
  }
}
