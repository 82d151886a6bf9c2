import Foundation

extension Interpreter {
  /// Evaluates an expression; `row` is the record a condition is looking at.
  func evaluate(_ expr: Expr, row: Value?) async throws -> Value {
    switch expr.kind {
    case .literal(let value): return value
    case .now: return .date(Date())
    case .variable(let name): return try lookup(name, row: row, range: expr.range)
    case .field(let name): return try field(name, of: row, range: expr.range)
    case .interpolation(let parts):
      var text = ""
      for part in parts {
        switch part {
        case .text(let piece): text += piece
        case .expr(let inner): text += try await evaluate(inner, row: row).displayText
        }
      }
      return .string(text)
    case .list(let items):
      var values: [Value] = []
      for item in items { values.append(try await evaluate(item, row: row)) }
      return try Self.limitNesting(.list(values), expr.range)
    case .record(let fields):
      var values: [(String, Value)] = []
      for field in fields { values.append((field.key, try await evaluate(field.value, row: row))) }
      return try Self.limitNesting(.record(Record(fields: values)), expr.range)
    case .unary(let op, let operand):
      let value = try await evaluate(operand, row: row)
      switch (op, value) {
      case (.not, _): return .bool(!value.isTruthy)
      case (.negate, .int(let number)):
        let symbol = SourceRange(expr.range.start, expr.range.start + 1)
        return try Operators.checked((0).subtractingReportingOverflow(number), .subtract, at: symbol)
      case (.negate, .float(let number)): return .float(-number)
      case (.negate, .duration(let seconds)): return .duration(-seconds)
      default: throw RuntimeError.typeMismatch("cannot negate \(value.typeName)", expr.range)
      }
    case .binary(.and, let lhs, let rhs, _):
      guard try await evaluate(lhs, row: row).isTruthy else { return .bool(false) }
      return .bool(try await evaluate(rhs, row: row).isTruthy)
    case .binary(.or, let lhs, let rhs, _):
      if try await evaluate(lhs, row: row).isTruthy { return .bool(true) }
      return .bool(try await evaluate(rhs, row: row).isTruthy)
    case .binary(let op, let lhs, let rhs, let symbol):
      let left = try await evaluate(lhs, row: row)
      let right = try await evaluate(rhs, row: row)
      return try Operators.apply(op, left, right, range: expr.range, at: symbol)
    case .member(let base, let name):
      return try Self.member(name, of: try await evaluate(base, row: row), range: expr.range)
    case .index(let base, let indexExpr):
      let container = try await evaluate(base, row: row)
      let index = try await evaluate(indexExpr, row: row)
      return try Self.index(container, by: index, range: expr.range, indexRange: indexExpr.range)
    case .subexpression(let pipeline):
      return try await evaluate(pipeline, row: row)
    case .block(let block):
      return try await execute(block.statements, source: currentSource, showResults: false)
    }
  }

  /// A list or record just built, refused when it nests deeper than `Value.maximumNesting`.
  static func limitNesting(_ value: Value, _ range: SourceRange) throws(RuntimeError) -> Value {
    guard Value.nestingDepth(of: value) <= Value.maximumNesting else {
      throw .valueTooDeep(limit: Value.maximumNesting, range)
    }
    return value
  }

  func field(_ name: String, of row: Value?, range: SourceRange) throws(RuntimeError) -> Value {
    guard let row else { throw .unknownName(name, range) }
    guard case .record(let record) = row else { throw .unknownName(name, range) }
    guard let value = record[name] else {
      throw .unknownField(name, recordName: Self.describe(record), known: record.names, range)
    }
    return value
  }

  static func describe(_ record: Record) -> String {
    guard let kind = record.kind else { return "the record" }
    let article = "aeiou".contains(kind.prefix(1)) ? "an" : "a"
    return "\(article) \(kind)"
  }

  static func member(_ name: String, of value: Value, range: SourceRange) throws(RuntimeError) -> Value {
    switch value {
    case .record(let record):
      guard let field = record[name] else {
        throw .unknownField(name, recordName: describe(record), known: record.names, range)
      }
      return field
    case .list(let items):
      var projected: [Value] = []
      for item in items { projected.append(try member(name, of: item, range: range)) }
      return .list(projected)
    default:
      throw .typeMismatch("\(value.typeName) has no field '\(name)'", range)
    }
  }

  static func index(
    _ container: Value, by index: Value, range: SourceRange, indexRange: SourceRange
  ) throws(RuntimeError) -> Value {
    switch (container, index) {
    case (.list(let items), .int(let position)):
      let resolved = position < 0 ? items.count + position : position
      guard items.indices.contains(resolved) else {
        throw .indexOutOfRange(index: position, count: items.count, indexRange)
      }
      return items[resolved]
    case (.record, .string(let key)):
      return try member(key, of: container, range: indexRange)
    case (.string(let text), .int(let position)):
      let characters = Array(text)
      let resolved = position < 0 ? characters.count + position : position
      guard characters.indices.contains(resolved) else {
        throw .indexOutOfRange(index: position, count: characters.count, indexRange)
      }
      return .string(String(characters[resolved]))
    default:
      throw .typeMismatch("cannot index \(container.typeName) with \(index.typeName)", range)
    }
  }
}
