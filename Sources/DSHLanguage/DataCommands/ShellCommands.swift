import Foundation

extension DataCommands {
  static let help = CommandSpec(
    name: "help", summary: "List commands, or explain one: its call, role and examples",
    category: .shell,
    signature: Signature([Parameter("COMMAND", optional: true, help: "the command to explain").completing(.commands)]),
    output: .fixed(.scalar("string")),
    examples: [Example("help where", "one command's help")],
    seeAlso: ["vars", "set"]
  ) { invocation in
    let registry = invocation.session.registry
    guard let name = invocation.positional(0)?.asString else {
      return .string(TextWrap.prose(HelpText.overview(registry), width: invocation.columns))
    }
    guard let spec = registry[name] else {
      throw CommandFailure(
        .usage, "no command '\(name)'",
        help: Suggestions.didYouMean(name, in: registry.names) ?? "run 'help' to list commands",
        argument: .positional(0))
    }
    return .string(TextWrap.prose(HelpText.command(spec), width: invocation.columns))
  }

  static let vars = CommandSpec(
    name: "vars", summary: "The variables of this session, with their types",
    category: .shell, output: .fixed(.list(.record(name: "variable", fields: ["name", "type", "value"]))),
    examples: [Example("$x = 1; vars | where name == \"x\" | get type | first", "a variable's type", .output("int\n"))],
    seeAlso: ["set"]
  ) { invocation in
    let variables = await invocation.session.variables
    return .list(
      variables.keys.sorted().map { name in
        let value = variables[name]!
        return .record(
          Record(
            kind: "variable",
            fields: [
              ("name", .string(name)), ("type", .string(value.typeName)),
              ("value", .string(TableRenderer(width: 60).cell(value))),
            ]))
      })
  }

  static let set = CommandSpec(
    name: "set", summary: "Change a session option; without arguments, show them all",
    discussion: Settings.options.map { "  \($0.name): \($0.values)" }.joined(separator: "\n"),
    category: .shell,
    signature: Signature([
      Parameter(
        "OPTION", optional: true, help: Settings.options.map(\.name).joined(separator: ", ")
      ).completing(.settingNames),
      Parameter("VALUE", optional: true, help: "the new value").completing(.settingValues),
    ]),
    output: .unknown,
    examples: [Example("set output json", "machine-readable results")],
    seeAlso: ["vars"],
    validate: validateSet
  ) { invocation in
    guard let option = invocation.positional(0)?.asString else {
      return .record(SettingsRecord.make(await invocation.session.settings))
    }
    guard let value = invocation.positional(1) else {
      throw CommandFailure(.usage, "set \(option) needs a value", help: SettingsRecord.allowed(option))
    }
    let change = try SettingsRecord.change(option, to: value)
    await invocation.session.update(change)
    return .null
  }

  /// `set output xml` and `set timeout 30` are refused before anything runs.
  static func validateSet(_ values: [Value?]) -> (problem: ArgumentProblem, index: Int)? {
    guard case .string(let option)? = values.first else { return nil }
    guard values.count == 2 else {
      return (ArgumentProblem("set \(option) needs a value", help: SettingsRecord.allowed(option)), 0)
    }
    guard let value = values[1] else { return nil }
    do {
      _ = try SettingsRecord.change(option, to: value)
      return nil
    } catch let failure as CommandFailure {
      return (ArgumentProblem(failure.message, help: failure.help), failure.argument == .positional(0) ? 0 : 1)
    } catch {
      return nil
    }
  }
}
