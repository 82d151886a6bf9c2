extension DataCommands {
  static let print = CommandSpec(
    name: "print", summary: "Write the arguments, separated by spaces, then a newline",
    discussion: "With no arguments, prints the input. Returns nothing, so nothing more is shown.",
    category: .data,
    signature: Signature(rest: Parameter("VALUE", help: "what to print")),
    output: .fixed(.scalar("null")),
    examples: [Example("print \"a\" 1 true", "strings plainly, values as text", .output("a 1 true\n"))],
    seeAlso: ["to"]
  ) { invocation in
    let values = invocation.positionals.isEmpty ? [invocation.input] : invocation.positionals
    let text = DateText.$zone.withValue(invocation.settings.timeZone) {
      values.map(\.displayText).joined(separator: " ")
    }
    invocation.host.write(text + "\n")
    return .null
  }
}
