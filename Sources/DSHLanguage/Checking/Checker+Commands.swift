extension ProgramChecker.Walker {
  /// Checks a pipeline; returns the schema of what it produces, as far as known.
  ///
  /// `row` is the row a condition around it sees (`where not ($it | starts-with "#")`).
  mutating func pipeline(_ pipeline: Pipeline, row: Schema? = nil) -> Schema {
    var schema = Schema.unknown
    for (position, stage) in pipeline.stages.enumerated() {
      switch stage {
      case .expression(let value):
        expr(value, row: row)
        schema = self.schema(of: value)
      case .command(let call):
        schema = command(call, input: position == 0 ? nil : schema)
      }
    }
    return schema
  }

  /// `input` is nil for the first stage (nothing flows in).
  mutating func command(_ call: CommandCall, input: Schema?) -> Schema {
    if let spec = context.registry[call.name] {
      builtin(spec, call, input: input)
      return Self.output(of: spec, call, given: input ?? .unknown)
    }
    if let parameters = functions[call.name] {
      function(call, parameters)
    } else {
      if !suppressUnknownCommands {
        report(.unknownCommand(call.name, known: context.registry.names + functions.keys, call.nameRange))
      }
      for argument in call.arguments {
        if case .positional(let value) = argument { expr(value, row: nil) }
        if case .flag(_, let value?, _) = argument { expr(value, row: nil) }
      }
    }
    return .unknown
  }

  /// What a call gives: its command's declared output, except that one giving an item of
  /// its input gives a list like its input when it is given a count (`first 2`).
  static func output(of spec: CommandSpec, _ call: CommandCall, given input: Schema) -> Schema {
    if case .itemOfInput = spec.output,
      call.arguments.contains(where: { if case .positional = $0 { true } else { false } })
    {
      return input
    }
    return spec.outputSchema(given: input)
  }

  mutating func builtin(_ spec: CommandSpec, _ call: CommandCall, input: Schema?) {
    let signature = spec.signature
    var flags = Set<String>()
    var positionals: [Expr] = []
    var skipped = Set<Int>()
    for (offset, argument) in call.arguments.enumerated() {
      switch argument {
      case .flag(let name, let value, let range):
        flags.insert(name)
        guard let flag = signature.flag(named: name) else {
          report(.unknownFlag(command: spec.name, flag: name, in: signature.flags, range))
          if let value { expr(value, row: nil) }
          continue
        }
        guard let value else { continue }
        expr(value, row: nil)
        if durationWritten(apart: value, then: call.arguments, at: offset + 1, command: spec.name) {
          skipped.insert(offset + 1)
        } else if let check = flag.check {
          checkValue(value, check, command: spec.name)
        }
      case .positional(let value):
        guard !skipped.contains(offset) else { continue }
        let index = positionals.count
        positionals.append(value)
        guard let parameter = signature.parameter(at: index) else {
          if index == signature.positionals.count {
            tooMany(spec, call, extra: value, previous: positionals.dropLast().last)
          }
          expr(value, row: nil)
          continue
        }
        let next = call.arguments[(offset + 1)...].lazy.compactMap { argument -> Expr? in
          if case .positional(let expr) = argument { return expr }
          return nil
        }.first
        let around = index > 0 ? next.map { positionals[index - 1].range.union($0.range) } : nil
        positional(value, parameter, input: input, command: spec.name, between: around)
        let lastAllowed = signature.rest == nil && index + 1 >= signature.positionals.count
        if lastAllowed, durationWritten(apart: value, then: call.arguments, at: offset + 1, command: spec.name) {
          skipped.insert(offset + 1)
        }
      }
    }
    if let missing = signature.positionals.dropFirst(positionals.count).first(where: { !$0.optional }) {
      report(
        .missingArgument(
          command: spec.name, parameter: missing.name, usage: signature.usage(for: spec.name), call.range))
    }
    let literals = positionals.map(Self.literal)
    if let (problem, index) = spec.validate?(literals), index < positionals.count {
      report(.invalidArgument(command: spec.name, problem, positionals[index].range))
    }
    noteSettings(spec.name, literals)
    // An unknown flag is likely a misspelt --yes: that finding is enough.
    if flags.allSatisfy({ signature.flag(named: $0) != nil }) {
      intent(spec, call, flags: flags, target: positionals.first, input: input)
      if let bound = spec.scriptBound, !context.interactive, bound.flags.isDisjoint(with: flags) {
        report(.unboundedInScript(command: spec.name, bound.problem, call.nameRange))
      }
    }
  }

  /// `between`: the arguments on both sides with it, where a lone `+` was meant as an operator.
  mutating func positional(
    _ value: Expr, _ parameter: Parameter, input: Schema?, command: String, between: SourceRange?
  ) {
    switch parameter.shape {
    case .condition:
      expr(value, row: input ?? .unknown)
      return
    case .field:
      if case .literal(.string(let name)) = value.kind {
        field(name, of: input ?? .unknown, range: value.range)
        return
      }
    case .block:
      if case .block(let block) = value.kind {
        scopes.append(["it": .unknown])
        statements(block.statements)
        scopes.removeLast()
        return
      }
    case .value: break
    }
    expr(value, row: nil)
    if let between, Self.operators.contains(source.slice(value.range)) {
      report(
        .invalidArgument(
          command: command,
          ArgumentProblem(
            "'\(source.slice(value.range))' is read as a word here, not as an operator",
            help: "to compute a value, put the expression in parentheses: (\(source.slice(between)))"),
          value.range))
    } else if let check = parameter.check {
      checkValue(value, check, command: command)
    }
  }

  mutating func checkValue(_ value: Expr, _ check: ValueCheck, command: String) {
    if let literal = Self.literal(value) {
      if let problem = check.problem(with: literal) { report(.invalidArgument(command: command, problem, value.range)) }
    } else if let problem = check.problem(withSchema: schema(of: value)) {
      report(.invalidArgument(command: command, problem, value.range))
    }
  }

  /// `30 days` for `30d`: reported once, and the word is not counted as an argument.
  mutating func durationWritten(apart value: Expr, then arguments: [Argument], at next: Int, command: String) -> Bool {
    guard case .literal(.int(let number)) = value.kind, next < arguments.count,
      case .positional(let word) = arguments[next], case .literal(.string(let text)) = word.kind,
      let unit = Lexer.unitWords[text], source.slice(word.range) == text
    else { return false }
    report(
      .invalidArgument(
        command: command,
        ArgumentProblem("'\(number) \(text)' is not a duration", help: "did you mean '\(number)\(unit)'?"),
        value.range.union(word.range)))
    return true
  }

  mutating func tooMany(_ spec: CommandSpec, _ call: CommandCall, extra: Expr, previous: Expr?) {
    var usage = spec.signature.usage(for: spec.name)
    if let previous, spec.signature.positionals.count == 1, Self.literal(previous) != nil,
      Self.literal(extra) != nil
    {
      usage += "; for several, write a list: [\(source.slice(previous.range)), \(source.slice(extra.range))]"
    }
    report(.tooManyArguments(command: spec.name, usage: usage, extra.range))
  }

  /// `set confirm off` and `set dry-run on` change what later calls must say.
  mutating func noteSettings(_ command: String, _ literals: [Value?]) {
    guard command == "set", literals.count == 2, case .string(let option)? = literals[0], let value = literals[1],
      let change = try? SettingsRecord.change(option, to: value)
    else { return }
    change(&settings)
  }

  mutating func intent(_ spec: CommandSpec, _ call: CommandCall, flags: Set<String>, target: Expr?, input: Schema?) {
    guard !explaining else { return }
    let targetIsList: Bool?
    if let target {
      targetIsList = Self.isList(schema(of: target))
    } else if let input {
      targetIsList = Self.isList(input)
    } else {
      targetIsList = false
    }
    let refused = IntentRule.refuses(
      spec.endsSessions, interactive: context.interactive, confirm: settings.confirm, dryRun: settings.dryRun,
      givenFlags: flags,
      targetIsList: targetIsList)
    if refused == true { report(.intentRequired(command: spec.name, call.nameRange)) }
  }

  static func isList(_ schema: Schema) -> Bool? {
    switch schema {
    case .list: return true
    case .record, .scalar: return false
    case .unknown: return nil
    }
  }

  mutating func function(_ call: CommandCall, _ parameters: [FunctionParameter]) {
    let signature = FunctionParameter.signature(of: parameters)
    let usage = FunctionParameter.usage(call.name, parameters)
    var given = 0
    for argument in call.arguments {
      switch argument {
      case .flag(let name, let value, let range):
        if signature.flag(named: name) == nil {
          report(.unknownFlag(command: call.name, flag: name, in: signature.flags, range))
        }
        if let value { expr(value, row: nil) }
      case .positional(let value):
        if given == signature.positionals.count {
          report(.tooManyArguments(command: call.name, usage: usage, value.range))
        }
        given += 1
        expr(value, row: nil)
      }
    }
    if let missing = signature.positionals.dropFirst(given).first(where: { !$0.optional }) {
      report(.missingArgument(command: call.name, parameter: missing.name, usage: usage, call.range))
    }
  }

  /// The value of an expression made only of literals.
  static func literal(_ expr: Expr) -> Value? {
    switch expr.kind {
    case .literal(let value): return value
    case .subexpression(let pipeline):
      guard pipeline.stages.count == 1, case .expression(let inner) = pipeline.stages[0] else { return nil }
      return literal(inner)
    case .unary(.negate, let operand):
      switch literal(operand) {
      case .int(let number)?: return .int(-number)
      case .float(let number)?: return .float(-number)
      default: return nil
      }
    case .list(let items):
      var values: [Value] = []
      for item in items {
        guard let value = literal(item) else { return nil }
        values.append(value)
      }
      return .list(values)
    case .record(let fields):
      var record = Record()
      for field in fields {
        guard let value = literal(field.value) else { return nil }
        record[field.key] = value
      }
      return .record(record)
    default: return nil
    }
  }
}
