/// Finds unknown commands, flags, variables and fields in a parsed program without
/// running it: `dsh check`, and the check before a script runs.
public enum ProgramChecker {
  /// Every problem found; `globals` are the variables defined before the program runs.
  public static func problems(
    in program: Program, registry: CommandRegistry, globals: Set<String>
  ) -> [RuntimeError] {
    var walker = Walker(registry: registry, source: program.source)
    walker.defineFunctions(program.statements)
    walker.scopes = [globals]
    walker.statements(program.statements)
    return walker.problems
  }

  /// Whether the program sources other files, whose definitions cannot be known yet.
  public static func sourcesFiles(_ program: Program, registry: CommandRegistry) -> Bool {
    Walker(registry: registry, source: program.source).sourcesFiles(program.statements)
  }
}

extension ProgramChecker {
  /// One pass over a program's tree, collecting problems.
  struct Walker {
    /// Deeper than this the walk stops: the parser refuses such trees, and the walk recurses.
    static let maximumDepth = Parser.maximumDepth * 2

    let registry: CommandRegistry
    let source: Source
    var functions: [String: Int] = [:]
    var scopes: [Set<String>] = []
    var problems: [RuntimeError] = []
    var variables: [String: Schema] = [:]
    var depth = 0

    init(registry: CommandRegistry, source: Source) {
      self.registry = registry
      self.source = source
    }

    mutating func defineFunctions(_ statements: [Statement]) {
      for statement in statements {
        switch statement.kind {
        case .def(let name, let parameters, let body):
          functions[name] = parameters.count
          defineFunctions(body.statements)
        case .ifElse(let branches, let otherwise):
          for branch in branches { defineFunctions(branch.body.statements) }
          defineFunctions(otherwise?.statements ?? [])
        case .forIn(_, _, let body): defineFunctions(body.statements)
        case .tryCatch(let body, let handler):
          defineFunctions(body.statements)
          defineFunctions(handler.statements)
        default: break
        }
      }
    }

    func sourcesFiles(_ statements: [Statement]) -> Bool {
      statements.contains { statement in
        switch statement.kind {
        case .source: return true
        case .ifElse(let branches, let otherwise):
          return branches.contains { sourcesFiles($0.body.statements) } || sourcesFiles(otherwise?.statements ?? [])
        case .forIn(_, _, let body), .def(_, _, let body): return sourcesFiles(body.statements)
        case .tryCatch(let body, let handler): return sourcesFiles(body.statements) || sourcesFiles(handler.statements)
        default: return false
        }
      }
    }

    var known: Set<String> { scopes.reduce(into: Set<String>()) { $0.formUnion($1) } }
    mutating func define(_ name: String) { scopes[scopes.count - 1].insert(name) }

    mutating func statements(_ list: [Statement]) {
      guard depth < Self.maximumDepth else { return }
      depth += 1
      defer { depth -= 1 }
      for statement in list { self.statement(statement) }
    }

    mutating func statement(_ statement: Statement) {
      switch statement.kind {
      case .assign(let name, let pipeline):
        variables[name] = self.pipeline(pipeline)
        define(name)
      case .pipeline(let pipeline): _ = self.pipeline(pipeline)
      case .ifElse(let branches, let otherwise):
        for branch in branches {
          expr(branch.condition, row: nil)
          statements(branch.body.statements)
        }
        if let otherwise { statements(otherwise.statements) }
      case .forIn(let variable, let sequence, let body):
        expr(sequence, row: nil)
        define(variable)
        statements(body.statements)
      case .def(_, let parameters, let body):
        scopes.append(Set(parameters + ["in"]))
        statements(body.statements)
        scopes.removeLast()
      case .return(let value), .exit(let value):
        if let value { expr(value, row: nil) }
      case .tryCatch(let body, let handler):
        statements(body.statements)
        define("error")
        statements(handler.statements)
      case .source(let path): expr(path, row: nil)
      case .explain(let pipeline): _ = self.pipeline(pipeline)
      case .break, .continue: break
      }
    }

    /// Checks a pipeline; returns the schema of what it produces, as far as known.
    mutating func pipeline(_ pipeline: Pipeline) -> Schema {
      var schema = Schema.unknown
      for stage in pipeline.stages {
        switch stage {
        case .expression(let value):
          expr(value, row: nil)
          if case .variable(let name) = value.kind { schema = variables[name] ?? .unknown } else { schema = .unknown }
        case .command(let call):
          schema = command(call, input: schema)
        }
      }
      return schema
    }

    mutating func command(_ call: CommandCall, input: Schema) -> Schema {
      guard let spec = registry[call.name] else {
        if functions[call.name] == nil {
          problems.append(.unknownCommand(call.name, known: registry.names + functions.keys, call.nameRange))
        }
        for case .positional(let value) in call.arguments { expr(value, row: nil) }
        return .unknown
      }
      var index = 0
      for argument in call.arguments {
        switch argument {
        case .flag(let name, let value, let range):
          if spec.signature.flag(named: name) == nil {
            problems.append(
              .unknownFlag(command: spec.name, flag: name, known: spec.signature.flags.map(\.name), range))
          }
          if let value { expr(value, row: nil) }
        case .positional(let value):
          let shape = spec.signature.parameter(at: index)?.shape ?? .value
          if shape == .condition {
            expr(value, row: input)
          } else if shape == .field, case .literal(.string(let name)) = value.kind {
            field(name, of: input, range: value.range)
          } else if case .block(let block) = value.kind {
            scopes.append(["it"])
            statements(block.statements)
            scopes.removeLast()
          } else {
            expr(value, row: nil)
          }
          index += 1
        }
      }
      return spec.outputSchema(given: input)
    }

    mutating func field(_ name: String, of schema: Schema, range: SourceRange) {
      let first = String(name.split(separator: ".").first ?? "")
      guard let fields = schema.fieldNames, !fields.contains(first) else { return }
      let article = schema.recordName.map { "aeiou".contains($0.prefix(1)) ? "an \($0)" : "a \($0)" } ?? "the rows"
      problems.append(.unknownField(first, recordName: article, known: fields, range))
    }

    mutating func expr(_ expr: Expr, row: Schema?) {
      guard depth < Self.maximumDepth else { return }
      depth += 1
      defer { depth -= 1 }
      switch expr.kind {
      case .variable(let name):
        if !known.contains(name) && !(name == "it" && row != nil) {
          problems.append(.undefinedVariable(name, known: known.sorted(), expr.range))
        }
      case .field(let name):
        if let row { field(name, of: row, range: expr.range) } else { problems.append(.unknownName(name, expr.range)) }
      case .interpolation(let parts):
        for case .expr(let inner) in parts { self.expr(inner, row: row) }
      case .list(let items): for item in items { self.expr(item, row: row) }
      case .record(let fields): for field in fields { self.expr(field.value, row: row) }
      case .unary(_, let operand): self.expr(operand, row: row)
      case .binary(_, let lhs, let rhs, _):
        self.expr(lhs, row: row)
        self.expr(rhs, row: row)
      case .member(let base, _): self.expr(base, row: row)
      case .index(let base, let index):
        self.expr(base, row: row)
        self.expr(index, row: row)
      case .subexpression(let inner): _ = pipeline(inner)
      case .block(let block): statements(block.statements)
      case .literal, .now: break
      }
    }
  }
}
