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
          throw RuntimeError.unknownFlag(
            command: spec.name, flag: name, known: spec.signature.flags.map(\.name), range)
        }
        if let valueExpr {
          flags[name] = try await evaluate(valueExpr, row: row)
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
          positionals.append(try await evaluate(expr, row: row))
        }
        positionalRanges.append(expr.range)
      }
    }
    if let missing = spec.signature.positionals.dropFirst(positionals.count).first(where: { !$0.optional }) {
      throw RuntimeError.missingArgument(
        command: spec.name, parameter: missing.name, usage: spec.signature.usage(for: spec.name), call.range)
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
      case .flag(let name) where flagRanges[name] != nil: range = flagRanges[name]!
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
    var arguments: [Value] = []
    for argument in call.arguments {
      guard case .positional(let expr) = argument else {
        if case .flag(let name, _, let range) = argument {
          throw RuntimeError.unknownFlag(command: function.name, flag: name, known: [], range)
        }
        continue
      }
      arguments.append(try await evaluate(expr, row: row))
    }
    let usage = ([function.name] + function.parameters).joined(separator: " ")
    if arguments.count > function.parameters.count {
      throw RuntimeError.tooManyArguments(command: function.name, usage: usage, call.range)
    }
    if arguments.count < function.parameters.count {
      throw RuntimeError.missingArgument(
        command: function.name, parameter: function.parameters[arguments.count], usage: usage, call.range)
    }
    guard callDepth < Self.maximumCallDepth else { throw RuntimeError.recursionTooDeep(call.range) }
    var frame = Dictionary(uniqueKeysWithValues: zip(function.parameters, arguments))
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
