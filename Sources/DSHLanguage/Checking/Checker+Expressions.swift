extension ProgramChecker.Walker {
  /// Checks an expression; `row` is the schema of the row a condition sees, if any.
  mutating func expr(_ expr: Expr, row: Schema?) {
    guard depth < Self.maximumDepth else { return }
    depth += 1
    defer { depth -= 1 }
    switch expr.kind {
    case .variable(let name):
      if !(name == "it" && row != nil) && !isKnown(name) {
        report(.undefinedVariable(name, known: knownNames, expr.range))
      }
    case .field(let name):
      if let row { field(name, of: row, range: expr.range) } else { report(.unknownName(name, expr.range)) }
    case .interpolation(let parts):
      for case .expr(let inner) in parts { self.expr(inner, row: row) }
    case .list(let items): for item in items { self.expr(item, row: row) }
    case .record(let fields): for field in fields { self.expr(field.value, row: row) }
    case .unary(_, let operand): self.expr(operand, row: row)
    case .binary(_, let lhs, let rhs, _):
      self.expr(lhs, row: row)
      self.expr(rhs, row: row)
    case .member(let base, let name):
      self.expr(base, row: row)
      member(name, of: schema(of: base), range: expr.range)
    case .index(let base, let index):
      self.expr(base, row: row)
      self.expr(index, row: row)
    case .subexpression(let inner):
      // Inside a condition, `$it` is the row in every stage of the inner pipeline too.
      if let row { scopes.append(["it": row]) }
      _ = pipeline(inner, row: row)
      if row != nil { scopes.removeLast() }
    case .block(let block): statements(block.statements)
    case .literal, .now: break
    }
  }

  /// `$x.name` where `$x` is known: a scalar has no fields; a record only its own.
  mutating func member(_ name: String, of schema: Schema, range: SourceRange) {
    switch schema {
    case .scalar(let type) where type != "null":
      report(.typeMismatch("\(type) has no field '\(name)'", range))
    case .record, .list(.record):
      field(name, of: schema, range: range)
    default: break
    }
  }

  mutating func field(_ name: String, of schema: Schema, range: SourceRange) {
    let first = String(name.split(separator: ".").first ?? "")
    guard let fields = schema.fieldNames, !fields.contains(first) else { return }
    let article = schema.recordName.map { "aeiou".contains($0.prefix(1)) ? "an \($0)" : "a \($0)" } ?? "the rows"
    report(.unknownField(first, recordName: article, known: fields, range))
  }

  /// What is known, without running, of the value an expression gives.
  func schema(of expr: Expr) -> Schema {
    switch expr.kind {
    case .variable(let name): return lookup(name) ?? .unknown
    case .literal(let value): return Schema.of(value)
    case .list(let items):
      // Items of different shapes (`[{a: 1}, {b: 2}]`): nothing is known of an item.
      var first: Schema?
      for item in items {
        let shape = schema(of: item)
        if first == nil {
          first = shape
        } else if shape != first {
          return .list(.unknown)
        }
      }
      return .list(first ?? .unknown)
    case .record(let fields): return .record(name: "record", fields: fields.map(\.key))
    case .interpolation: return .scalar("string")
    case .now: return .scalar("date")
    case .index(let base, _):
      if case .list(let item) = schema(of: base) { return item }
      return .unknown
    case .member(let base, _):
      if case .list = schema(of: base) { return .list(.unknown) }
      return .unknown
    case .subexpression(let pipeline): return schema(of: pipeline)
    default: return .unknown
    }
  }

  /// The schema a pipeline gives, from its commands' declared outputs; reports nothing.
  func schema(of pipeline: Pipeline) -> Schema {
    var schema = Schema.unknown
    for stage in pipeline.stages {
      switch stage {
      case .expression(let value): schema = self.schema(of: value)
      case .command(let call):
        schema = context.registry[call.name].map { Self.output(of: $0, call, given: schema) } ?? .unknown
      }
    }
    return schema
  }
}
