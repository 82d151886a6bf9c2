extension DataCommands {
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
