import Foundation

extension Interpreter {
  /// Runs statements in order.
  ///
  /// With `showResults`, non-null pipeline results are shown.
  func execute(_ statements: [Statement], source: Source, showResults: Bool) async throws -> Value {
    let outer = currentSource
    currentSource = source
    defer { currentSource = outer }
    var last = Value.null
    for statement in statements {
      if Task.isCancelled { throw RuntimeError.interrupted(statement.range) }
      // Dates are shown in the zone `set timezone` chose, as of this statement.
      last = try await DateText.$zone.withValue(settings.timeZone) {
        try await execute(statement, source: source, showResults: showResults)
      }
    }
    return last
  }

  func execute(_ statement: Statement, source: Source, showResults: Bool) async throws -> Value {
    switch statement.kind {
    case .assign(let target, let pipeline):
      try await assign(target, try await evaluate(pipeline, row: nil))
      return .null
    case .pipeline(let pipeline):
      let value = try await evaluate(pipeline, row: nil)
      if showResults, value != .null {
        frames[0]["last"] = value
        await host.show(value, settings: settings)
      }
      return value
    case .ifElse(let branches, let otherwise):
      for branch in branches where try await evaluate(branch.condition, row: nil).isTruthy {
        return try await execute(branch.body.statements, source: source, showResults: showResults)
      }
      guard let otherwise else { return .null }
      return try await execute(otherwise.statements, source: source, showResults: showResults)
    case .forIn(let variable, let sequence, let body):
      let items = try await evaluate(sequence, row: nil)
      let list: [Value]
      switch items {
      case .list(let values): list = values
      case .null: list = []
      case .record(let record):
        list = record.fields.map { .record(Record(["key": .string($0.name), "value": $0.value])) }
      default: throw RuntimeError.typeMismatch("'for' needs a list, not \(items.typeName)", sequence.range)
      }
      for item in list {
        assign(variable, item)
        guard try await loopBody(body, of: statement, source: source, showResults: showResults) else { break }
      }
      return .null
    case .whileLoop(let condition, let body):
      while try await evaluate(condition, row: nil).isTruthy {
        guard try await loopBody(body, of: statement, source: source, showResults: showResults) else { break }
      }
      return .null
    case .def(let name, let parameters, let body):
      if registry[name] != nil {
        throw RuntimeError.typeMismatch("'\(name)' is a built-in command and cannot be redefined", statement.range)
      }
      functions[name] = FunctionDefinition(name: name, parameters: parameters, body: body, source: source)
      return .null
    case .return(let expr):
      throw ControlFlow.returnValue(try await evaluateOptional(expr) ?? .null)
    case .break: throw ControlFlow.breakLoop(statement.range)
    case .continue: throw ControlFlow.continueLoop(statement.range)
    case .tryCatch(let body, let handler):
      do {
        return try await execute(body.statements, source: source, showResults: showResults)
      } catch let error as RuntimeError where error.kind != "interrupted" {
        assign("error", Self.errorRecord(error))
      } catch let failure as RuntimeFailure where failure.error.kind != "interrupted" {
        assign("error", Self.errorRecord(failure.error))
      }
      return try await execute(handler.statements, source: source, showResults: showResults)
    case .source(let pathExpr):
      return try await runSourced(pathExpr, from: source, showResults: showResults)
    case .explain(let pipeline):
      let text = Explanation.text(of: pipeline, registry: registry, source: source)
      if showResults { await host.show(text, settings: settings) }
      return text
    case .exit(let codeExpr):
      let value = try await evaluateOptional(codeExpr) ?? .int(0)
      guard let code = value.asInt, (0...255).contains(code) else {
        throw RuntimeError.typeMismatch("exit needs a code from 0 to 255", codeExpr?.range ?? statement.range)
      }
      throw ControlFlow.exit(Int32(code))
    }
  }

  /// Runs one pass of a loop's body; false after `break`.
  ///
  /// Ctrl-C stops the loop between passes.
  func loopBody(_ body: Block, of loop: Statement, source: Source, showResults: Bool) async throws -> Bool {
    if Task.isCancelled { throw RuntimeError.interrupted(loop.range) }
    do {
      _ = try await execute(body.statements, source: source, showResults: showResults)
    } catch ControlFlow.breakLoop {
      return false
    } catch ControlFlow.continueLoop {
      return true
    }
    return true
  }

  /// Defines a file's top-level functions before its first statement runs, so calls may precede
  /// them.
  ///
  /// A def that would redefine a built-in is left to its statement, which refuses it.
  func defineFunctions(_ statements: [Statement], source: Source) {
    for case .def(let name, let parameters, let body) in statements.map(\.kind) where registry[name] == nil {
      functions[name] = FunctionDefinition(name: name, parameters: parameters, body: body, source: source)
    }
  }

  func evaluateOptional(_ expr: Expr?, row: Value? = nil) async throws -> Value? {
    guard let expr else { return nil }
    return try await evaluate(expr, row: row)
  }

  static func errorRecord(_ error: RuntimeError) -> Value {
    var record = Record(kind: "error")
    record["message"] = .string(error.message)
    record["kind"] = .string(error.kind)
    record["status"] = error.status.map(Value.int) ?? .null
    record["code"] = .string(error.code)
    if case .commandFailed(_, let failure, _) = error, let results = failure.partialResult {
      record["results"] = results
    }
    return .record(record)
  }

  func runSourced(_ pathExpr: Expr, from source: Source, showResults: Bool) async throws -> Value {
    guard case .string(let path) = try await evaluate(pathExpr, row: nil) else {
      throw RuntimeError.typeMismatch("source needs a file path string", pathExpr.range)
    }
    guard callDepth < Self.maximumCallDepth else {
      throw RuntimeError.sourceTooDeep(limit: Self.maximumCallDepth, pathExpr.range)
    }
    callDepth += 1
    defer { callDepth -= 1 }
    let resolved = ScriptFile.resolve(path, from: source.name)
    let text: String
    do {
      text = try ScriptFile.read(resolved)
    } catch {
      throw RuntimeError.sourceFailed(path: path, reason: error.message, pathExpr.range)
    }
    switch parse(Source(name: resolved, text: text)) {
    case .failure(let errors):
      let first = errors.errors[0]
      throw RuntimeFailure(error: .sourceFailed(path: path, reason: first.message, first.range), source: errors.source)
    case .success(let program):
      if let problem = check(program).errors.first { throw problem }
      defineFunctions(program.statements, source: program.source)
      do {
        return try await execute(program.statements, source: program.source, showResults: showResults)
      } catch let error as RuntimeError {
        throw RuntimeFailure(error: error, source: program.source)
      }
    }
  }
}
