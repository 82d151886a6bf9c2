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
    return .string(TextWrap.prose(HelpText.command(spec, width: invocation.columns), width: invocation.columns))
  }
}
