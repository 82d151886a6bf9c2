/// The text of `help` and `help CMD`, drawn from the command declarations.
public enum HelpText {
  public static func overview(_ registry: CommandRegistry) -> String {
    var text = "dsh — a shell for the ONLYOFFICE DocSpace API. `help CMD` tells more.\n"
    for category in CommandSpec.Category.allCases {
      let specs = registry.all.filter { $0.category == category }
      guard !specs.isEmpty else { continue }
      text += "\n\(category.rawValue):\n"
      let width = specs.map(\.name.count).max() ?? 0
      for spec in specs {
        let call = spec.http.first.map { "  [\($0.method) \($0.path)]" } ?? ""
        text += "  \(spec.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(spec.summary)\(call)\n"
      }
    }
    text += """

      Language: $x = pipeline · a | b · where COND · $x.field · $x[0] · if/else · for $x in … { }
      def name [a] { } · try { } catch { $error } · source FILE · exit [N]   (see README)

      """
    return text
  }

  public static func command(_ spec: CommandSpec) -> String {
    var text = "\(spec.name) — \(spec.summary)\n\nUsage:\n  \(spec.signature.usage(for: spec.name))\n"
    if !spec.discussion.isEmpty { text += "\n\(spec.discussion)\n" }
    let parameters = spec.signature.positionals + (spec.signature.rest.map { [$0] } ?? [])
    if !parameters.isEmpty || !spec.signature.flags.isEmpty {
      text += "\nArguments:\n"
      for parameter in parameters { text += "  \(parameter.name)  \(parameter.help)\n" }
      for flag in spec.signature.flags {
        let value = flag.valueName.map { " \($0)" } ?? ""
        text += "  --\(flag.name)\(value)  \(flag.help)\n"
      }
    }
    if !spec.http.isEmpty {
      text += "\nHTTP:\n"
      for call in spec.http { text += "  \(call.method) \(call.path)\n" }
    }
    if let role = spec.role { text += "\nRole needed: \(role)\n" }
    if !spec.examples.isEmpty {
      text += "\nExamples:\n"
      for example in spec.examples { text += "  # \(example.summary)\n  \(example.code)\n" }
    }
    if !spec.seeAlso.isEmpty { text += "\nSee also: \(spec.seeAlso.joined(separator: ", "))\n" }
    return text
  }
}
