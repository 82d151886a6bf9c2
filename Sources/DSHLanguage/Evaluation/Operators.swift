import Foundation
import Synchronization

/// The arithmetic, comparison and membership operators.
///
/// Int arithmetic is checked: an overflow is an error at the operator (`at`), never a trap.
enum Operators {
  static func apply(
    _ op: BinaryOperator, _ lhs: Value, _ rhs: Value, range: SourceRange, at symbol: SourceRange
  ) throws(RuntimeError) -> Value {
    switch op {
    case .equal: return .bool(lhs.looselyEquals(rhs))
    case .notEqual: return .bool(!lhs.looselyEquals(rhs))
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      guard let order = lhs.compare(to: rhs) else {
        throw .typeMismatch("cannot compare \(lhs.typeName) with \(rhs.typeName)", range)
      }
      switch op {
      case .less: return .bool(order == .orderedAscending)
      case .lessOrEqual: return .bool(order != .orderedDescending)
      case .greater: return .bool(order == .orderedDescending)
      default: return .bool(order != .orderedAscending)
      }
    case .matches, .notMatches:
      guard case .string(let pattern) = rhs else {
        throw .typeMismatch("the right side of \(op.rawValue) must be a regex string, not \(rhs.typeName)", range)
      }
      let subject = lhs.displayText
      guard let matcher = RegexCache.shared.matcher(for: pattern) else { throw .invalidRegex(pattern, range) }
      let found = matcher.matches(subject)
      return .bool(op == .matches ? found : !found)
    case .in: return .bool(try contains(rhs, lhs, range: range))
    case .add: return try add(lhs, rhs, range: range, at: symbol)
    case .subtract: return try subtract(lhs, rhs, range: range, at: symbol)
    case .multiply: return try multiply(lhs, rhs, range: range, at: symbol)
    case .divide: return try divide(lhs, rhs, range: range, at: symbol)
    case .remainder:
      guard case .int(let a) = lhs, case .int(let b) = rhs else {
        throw mismatch("%", lhs, rhs, range)
      }
      if b == 0 { throw .divisionByZero(range) }
      // Int.min % -1 is 0, as for every other int; only the machine instruction overflows.
      return .int(a.remainderReportingOverflow(dividingBy: b).partialValue)
    case .and, .or:
      return .bool(op == .and ? lhs.isTruthy && rhs.isTruthy : lhs.isTruthy || rhs.isTruthy)
    }
  }

  static func mismatch(_ symbol: String, _ lhs: Value, _ rhs: Value, _ range: SourceRange) -> RuntimeError {
    .typeMismatch("cannot apply '\(symbol)' to \(lhs.typeName) and \(rhs.typeName)", range)
  }

  static func contains(_ container: Value, _ item: Value, range: SourceRange) throws(RuntimeError) -> Bool {
    switch (container, item) {
    case (.list(let items), _): return items.contains { $0.looselyEquals(item) }
    case (.string(let text), .string(let part)): return text.contains(part)
    case (.record(let record), .string(let key)): return record[key] != nil
    default:
      throw .typeMismatch("'in' needs a list, string or record on the right, not \(container.typeName)", range)
    }
  }

  static func checked(
    _ result: (partialValue: Int, overflow: Bool), _ op: BinaryOperator, at symbol: SourceRange
  ) throws(RuntimeError) -> Value {
    if result.overflow { throw .integerOverflow(operator: op.rawValue, symbol) }
    return .int(result.partialValue)
  }

  /// A date moved by a duration, refused when it leaves the years 1 to 9999.
  static func shift(_ date: Date, by seconds: Double, _ op: BinaryOperator, at symbol: SourceRange)
    throws(RuntimeError) -> Value
  {
    let moved = date.addingTimeInterval(seconds)
    guard DateText.range.contains(moved.timeIntervalSince1970) else {
      throw .typeMismatch("the date would be outside the years 1 to 9999", symbol)
    }
    return .date(moved)
  }

  static func add(_ lhs: Value, _ rhs: Value, range: SourceRange, at symbol: SourceRange)
    throws(RuntimeError) -> Value
  {
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)): return try checked(a.addingReportingOverflow(b), .add, at: symbol)
    case (.int(let a), .float(let b)): return .float(Double(a) + b)
    case (.float(let a), .int(let b)): return .float(a + Double(b))
    case (.float(let a), .float(let b)): return .float(a + b)
    case (.string(let a), .string(let b)): return .string(a + b)
    case (.list(let a), .list(let b)): return .list(a + b)
    case (.date(let a), .duration(let b)), (.duration(let b), .date(let a)):
      return try shift(a, by: b, .add, at: symbol)
    case (.duration(let a), .duration(let b)): return .duration(a + b)
    case (.string, _), (_, .string):
      throw .typeMismatch(
        "cannot add \(lhs.typeName) and \(rhs.typeName): use interpolation, e.g. \"id ${$x}\"", range)
    default: throw mismatch("+", lhs, rhs, range)
    }
  }

  static func subtract(_ lhs: Value, _ rhs: Value, range: SourceRange, at symbol: SourceRange)
    throws(RuntimeError) -> Value
  {
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)): return try checked(a.subtractingReportingOverflow(b), .subtract, at: symbol)
    case (.int(let a), .float(let b)): return .float(Double(a) - b)
    case (.float(let a), .int(let b)): return .float(a - Double(b))
    case (.float(let a), .float(let b)): return .float(a - b)
    case (.date(let a), .duration(let b)): return try shift(a, by: -b, .subtract, at: symbol)
    case (.date(let a), .date(let b)): return .duration(a.timeIntervalSince(b))
    case (.duration(let a), .duration(let b)): return .duration(a - b)
    default: throw mismatch("-", lhs, rhs, range)
    }
  }

  static func multiply(_ lhs: Value, _ rhs: Value, range: SourceRange, at symbol: SourceRange)
    throws(RuntimeError) -> Value
  {
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)): return try checked(a.multipliedReportingOverflow(by: b), .multiply, at: symbol)
    case (.int(let a), .float(let b)): return .float(Double(a) * b)
    case (.float(let a), .int(let b)): return .float(a * Double(b))
    case (.float(let a), .float(let b)): return .float(a * b)
    case (.duration(let a), .int(let b)), (.int(let b), .duration(let a)): return .duration(a * Double(b))
    case (.duration(let a), .float(let b)), (.float(let b), .duration(let a)): return .duration(a * b)
    default: throw mismatch("*", lhs, rhs, range)
    }
  }

  /// Exact division: `10 / 4` is 2.5, `10 / 2` is 5.
  static func divide(_ lhs: Value, _ rhs: Value, range: SourceRange, at symbol: SourceRange)
    throws(RuntimeError) -> Value
  {
    switch (lhs, rhs) {
    case (.int(let a), .int(let b)):
      if b == 0 { throw .divisionByZero(range) }
      let quotient = try checked(a.dividedReportingOverflow(by: b), .divide, at: symbol)
      if a.remainderReportingOverflow(dividingBy: b).partialValue == 0 { return quotient }
      return .float(Double(a) / Double(b))
    case (.duration(let a), .duration(let b)):
      if b == 0 { throw .divisionByZero(range) }
      return .float(a / b)
    case (.duration(let a), _):
      guard let b = number(rhs) else { throw mismatch("/", lhs, rhs, range) }
      if b == 0 { throw .divisionByZero(range) }
      return .duration(a / b)
    default:
      guard let a = number(lhs), let b = number(rhs) else { throw mismatch("/", lhs, rhs, range) }
      if b == 0 { throw .divisionByZero(range) }
      return .float(a / b)
    }
  }

  static func number(_ value: Value) -> Double? {
    switch value {
    case .int(let number): return Double(number)
    case .float(let number): return number
    default: return nil
    }
  }
}

/// A compiled `=~` pattern.
///
/// A pattern of plain ASCII characters (letters, digits, a few punctuation marks, backslash-escaped
/// metacharacters), perhaps starting with `^`, matches exactly where its text occurs in the
/// subject's UTF-8 (an ASCII byte is never part of a longer character), so it is searched for
/// directly; any other pattern goes to `NSRegularExpression`.
private enum Matcher: Sendable {
  case literal(text: [UInt8], anchored: Bool)
  case regex(NSRegularExpression)

  init?(_ pattern: String) {
    if let literal = Self.literal(pattern) {
      self = literal
    } else if let regex = try? NSRegularExpression(pattern: pattern) {
      self = .regex(regex)
    } else {
      return nil
    }
  }

  static func literal(_ pattern: String) -> Matcher? {
    var bytes = Array(pattern.utf8)[...]
    let anchored = bytes.first == UInt8(ascii: "^")
    if anchored { bytes = bytes.dropFirst() }
    var text: [UInt8] = []
    var escaped = false
    for byte in bytes {
      if escaped {
        guard "\\.-/:*+?()[]{}|^$".utf8.contains(byte) else { return nil }
        text.append(byte)
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = true
      } else {
        let plain = (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        guard plain || " -_/:@,=%".utf8.contains(byte) else { return nil }
        text.append(byte)
      }
    }
    return escaped ? nil : .literal(text: text, anchored: anchored)
  }

  func matches(_ subject: String) -> Bool {
    switch self {
    case .regex(let regex):
      return regex.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
    case .literal(let text, let anchored):
      let utf8 = subject.utf8
      if anchored { return utf8.starts(with: text) }
      guard let first = text.first else { return true }
      var start = utf8.startIndex
      while let found = utf8[start...].firstIndex(of: first) {
        if utf8[found...].starts(with: text) { return true }
        start = utf8.index(after: found)
      }
      return false
    }
  }
}

/// Compiled patterns for `=~` and `!~`, so that a condition run once per row compiles its pattern
/// once.
///
/// Holds at most `capacity` patterns; when full it starts again empty. `NSRegularExpression` is
/// immutable, so one instance may match on many tasks at once.
private final class RegexCache: Sendable {
  static let shared = RegexCache()
  static let capacity = 256

  private let compiled = Mutex<[String: Matcher]>([:])

  /// The compiled `pattern`, or nil when it is not a valid regex.
  func matcher(for pattern: String) -> Matcher? {
    if let known = compiled.withLock({ $0[pattern] }) { return known }
    guard let matcher = Matcher(pattern) else { return nil }
    compiled.withLock { patterns in
      if patterns.count >= Self.capacity { patterns.removeAll(keepingCapacity: true) }
      patterns[pattern] = matcher
    }
    return matcher
  }
}
