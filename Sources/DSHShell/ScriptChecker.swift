import DSHLanguage

/// `dsh check`: finds unknown commands, flags, variables and fields without running.
public struct ScriptChecker {
  let session: Session

  public init(session: Session) { self.session = session }

  /// Checks a file and prints what it found. 0 when clean, 2 otherwise.
  public func check(path: String) async -> Int32 {
    let text: String
    do {
      text = try ScriptFile.read(path)
    } catch {
      session.report([Diagnostic(code: "E100", message: "cannot check '\(path)': \(error.message)")])
      return ExitCode.usage.rawValue
    }
    let diagnostics = await check(Source(name: path, text: text))
    session.report(diagnostics)
    if diagnostics.isEmpty { session.terminal.writeErr("\(path): no problems found\n") }
    return diagnostics.isEmpty ? 0 : ExitCode.usage.rawValue
  }

  public func check(_ source: Source) async -> [Diagnostic] {
    switch await session.interpreter.parse(source) {
    case .failure(let errors): return errors.diagnostics
    case .success(let program):
      var walker = Walker(registry: session.interpreter.registry, source: source)
      walker.defineFunctions(program.statements)
      walker.scopes = [["args", "env", "last"]]
      walker.statements(program.statements)
      return walker.problems.map { $0.diagnostic(in: source) }
    }
  }

  /// Commands that exist nowhere: checked before a program runs, so that a typo late in
  /// a script stops it before its first statement. Skipped when the program sources
  /// other files, whose definitions are not known yet.
  func unknownCommands(_ program: Program) -> [Diagnostic] {
    var walker = Walker(registry: session.interpreter.registry, source: program.source)
    walker.defineFunctions(program.statements)
    if walker.sourcesFiles(program.statements) { return [] }
    walker.scopes = [[]]
    walker.statements(program.statements)
    return walker.problems.filter { if case .unknownCommand = $0 { true } else { false } }
      .map { $0.diagnostic(in: program.source) }
  }

  struct Walker {
    let registry: CommandRegistry
    let source: Source
    var functions: [String: Int] = [:]
    var scopes: [Set<String>] = []
    var problems: [RuntimeError] = []
    var variables: [String: Schema] = [:]

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

    mutating func statements(_ list: [Statement]) { for statement in list { self.statement(statement) } }

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
      case .binary(_, let lhs, let rhs):
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
