extension Interpreter {
  func evaluate(_ pipeline: Pipeline, row: Value?) async throws -> Value {
    var value = Value.null
    for (position, stage) in pipeline.stages.enumerated() {
      switch stage {
      case .expression(let expr):
        value = try await evaluate(expr, row: row)
      case .command(let call):
        value = try await invoke(call, input: position == 0 ? .null : value, row: row)
      }
    }
    return value
  }

  func invoke(_ call: CommandCall, input: Value, row: Value?) async throws -> Value {
    if let spec = registry[call.name] {
      return try await run(spec, call: call, input: input, row: row)
    }
    if let function = functions[call.name] {
      return try await callFunction(function, call: call, input: input, row: row)
    }
    throw RuntimeError.unknownCommand(call.name, known: registry.names + functions.keys, call.nameRange)
  }

  private func run(_ spec: CommandSpec, call: CommandCall, input: Value, row: Value?) async throws -> Value {
    var positionals: [Value] = []
    var positionalRanges: [SourceRange] = []
    var rowFunctions: [Int: Invocation.RowFunction] = [:]
    var flags: [String: Value] = [:]
    var flagRanges: [String: SourceRange] = [:]
    for argument in call.arguments {
      switch argument {
      case .flag(let name, let valueExpr, let range):
        guard spec.signature.flag(named: name) != nil else {
          throw RuntimeError.unknownFlag(command: spec.name, flag: name, in: spec.signature.flags, range)
        }
        if let valueExpr {
          let value = try await evaluate(valueExpr, row: row)
          if let problem = spec.signature.flag(named: name)?.check?.problem(with: value) {
            throw RuntimeError.invalidArgument(command: spec.name, problem, valueExpr.range)
          }
          flags[name] = value
        } else {
          flags[name] = .bool(true)
        }
        flagRanges[name] = range
      case .positional(let expr):
        let index = positionals.count
        guard let parameter = spec.signature.parameter(at: index) else {
          throw RuntimeError.tooManyArguments(
            command: spec.name, usage: spec.signature.usage(for: spec.name), expr.range)
        }
        if parameter.shape == .condition || (parameter.shape == .block && isBlock(expr)) {
          rowFunctions[index] = rowFunction(for: expr)
          positionals.append(.null)
        } else {
          let value = try await evaluate(expr, row: row)
          if let problem = parameter.check?.problem(with: value) {
            throw RuntimeError.invalidArgument(command: spec.name, problem, expr.range)
          }
          positionals.append(value)
        }
        positionalRanges.append(expr.range)
      }
    }
    if let missing = spec.signature.positionals.dropFirst(positionals.count).first(where: { !$0.optional }) {
      throw RuntimeError.missingArgument(
        command: spec.name, parameter: missing.name, usage: spec.signature.usage(for: spec.name), call.range)
    }
    if let (problem, index) = spec.validate?(positionals.map { $0 }), index < positionalRanges.count {
      throw RuntimeError.invalidArgument(command: spec.name, problem, positionalRanges[index])
    }
    let target = positionals.first ?? input
    let refused = IntentRule.refuses(
      spec.endsSessions, interactive: host.isInteractive, confirm: settings.confirm, dryRun: settings.dryRun,
      givenFlags: Set(flags.keys), targetIsList: target.asList != nil)
    if refused == true { throw RuntimeError.intentRequired(command: spec.name, call.nameRange) }
    if let bound = spec.scriptBound, !host.isInteractive, bound.flags.isDisjoint(with: flags.keys) {
      throw RuntimeError.unboundedInScript(command: spec.name, bound.problem, call.nameRange)
    }
    let invocation = Invocation(
      name: spec.name, input: input, positionals: positionals, rowFunctions: rowFunctions,
      flags: flags, settings: settings, host: host, session: self)
    do {
      return try await spec.run(invocation)
    } catch let failure as CommandFailure {
      let range: SourceRange
      switch failure.argument {
      case .positional(let index) where index < positionalRanges.count: range = positionalRanges[index]
      case .flag(let name): range = flagRanges[name] ?? call.range
      default: range = call.range
      }
      throw RuntimeError.commandFailed(command: spec.name, failure, range)
    } catch is CancellationError {
      throw RuntimeError.interrupted(call.range)
    }
  }

  private func isBlock(_ expr: Expr) -> Bool {
    if case .block = expr.kind { return true }
    return false
  }

  /// A condition or block as a function of the row; bare names read the row's fields.
  private func rowFunction(for expr: Expr) -> Invocation.RowFunction {
    { [self] row in
      if case .block(let block) = expr.kind {
        return try await self.runBlock(block, row: row)
      }
      return try await self.evaluate(expr, row: row)
    }
  }

  func runBlock(_ block: Block, row: Value) async throws -> Value {
    let saved = frames[frames.count - 1]["it"]
    assign("it", row)
    defer { frames[frames.count - 1]["it"] = saved }
    return try await execute(block.statements, source: currentSource, showResults: false)
  }

  private func callFunction(
    _ function: FunctionDefinition, call: CommandCall, input: Value, row: Value?
  ) async throws -> Value {
    let positionals = function.parameters.filter { !$0.isFlag }
    var frame: [String: Value] = [:]
    var given = 0
    for argument in call.arguments {
      switch argument {
      case .flag(let name, let valueExpr, let range):
        guard let parameter = function.parameters.first(where: { $0.isFlag && $0.name == name }) else {
          throw RuntimeError.unknownFlag(command: function.name, flag: name, in: function.signature.flags, range)
        }
        frame[parameter.variableName] = try await evaluateOptional(valueExpr, row: row) ?? .bool(true)
      case .positional(let expr):
        guard given < positionals.count else {
          throw RuntimeError.tooManyArguments(command: function.name, usage: function.usage, expr.range)
        }
        frame[positionals[given].variableName] = try await evaluate(expr, row: row)
        given += 1
      }
    }
    for parameter in function.parameters where frame[parameter.variableName] == nil {
      if let defaultValue = parameter.defaultValue {
        frame[parameter.variableName] = try await evaluate(defaultValue, row: nil)
      } else if parameter.isFlag {
        frame[parameter.variableName] = .bool(false)
      } else {
        throw RuntimeError.missingArgument(
          command: function.name, parameter: parameter.name, usage: function.usage, call.range)
      }
    }
    guard callDepth < Self.maximumCallDepth else { throw RuntimeError.recursionTooDeep(call.range) }
    frame["in"] = input
    frames.append(frame)
    callDepth += 1
    defer {
      frames.removeLast()
      callDepth -= 1
    }
    do {
      return try await execute(function.body.statements, source: function.source, showResults: false)
    } catch ControlFlow.returnValue(let value) {
      return value
    } catch let error as RuntimeError {
      throw RuntimeFailure(error: error, source: function.source)
    }
  }
}
