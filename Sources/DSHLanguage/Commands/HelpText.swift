/// The text of `help` and `help CMD`, drawn from the command declarations.
public enum HelpText {
  /// `help` with no command: every command by category, with its summary and main API call.
  static func overview(_ registry: CommandRegistry) -> String {
    var text = "dsh — a shell for the ONLYOFFICE DocSpace API. `help CMD` tells more; `help api` lists every call.\n"
    for category in CommandSpec.Category.allCases {
      let specs = registry.all.filter { $0.category == category }
      guard !specs.isEmpty else { continue }
      text += "\n\(category.rawValue):\n"
      let width = specs.map(\.name.count).max() ?? 0
      for spec in specs {
        let call = spec.primaryCall.map { "  [\($0.line)]" } ?? ""
        text += "  \(pad(spec.name, width))  \(spec.summary)\(call)\n"
      }
    }
    text += """

      Language: $x = pipeline · a | b · where COND · $x.field · $x[0] · if/else · for $x in … { }
      def name [a] { } · try { } catch { $error } · source FILE · exit [N] · explain PIPELINE   (see README)

      """
    return text
  }

  /// `help CMD` unwrapped, for a terminal of any width.
  static func command(_ spec: CommandSpec) -> String { command(spec, width: .max) }

  /// `help CMD` for a terminal `width` characters wide.
  ///
  /// The tables of query, body and response fields wrap each description under its own column
  /// (or, when that column leaves too little room, on the lines below the field). The rest is for
  /// `TextWrap.prose` to wrap.
  public static func command(_ spec: CommandSpec, width: Int) -> String {
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
    if !spec.calls.isEmpty {
      text += "\nAPI calls, in order:\n"
      for (index, call) in spec.calls.enumerated() {
        if let earlier = spec.calls[..<index].firstIndex(where: { $0.line == call.line }) {
          text +=
            "  \(index + 1). \(call.line)\(call.when.map { "  (\($0))" } ?? "")\n     as call \(earlier + 1) above\n"
        } else {
          text += describe(call, number: index + 1, width: width)
        }
      }
    }
    if let role = spec.role { text += "\nRole needed: \(role)\n" }
    if let changes = spec.calls.first(where: \.isMutating) {
      text += """

        Dry run (--dry-run, or set dry-run on): the reads are sent, since they find the targets; \
        each \(changes.method) is planned, not sent, and the result lists the planned requests \
        (curl prints the last one, curl --all every one).

        """
    }
    if !spec.examples.isEmpty {
      text += "\nExamples:\n"
      for example in spec.examples { text += "  # \(example.summary)\n  \(example.code)\n" }
    }
    if !spec.seeAlso.isEmpty { text += "\nSee also: \(spec.seeAlso.joined(separator: ", "))\n" }
    return text
  }

  /// One call: its line and when it is made, what it does, auth and role, its query, body
  /// and response fields (name, type, one line), and its reference page.
  static func describe(_ call: APICall, number: Int, width: Int) -> String {
    var text = "  \(number). \(call.line)\(call.when.map { "  (\($0))" } ?? "")\n"
    text += "     \(call.summary)\n"
    if let purpose = call.purpose { text += "     dsh calls it \(purpose)\n" }
    text += "     auth: \(call.auth) · role: \(call.role)\n"
    text += fields("query", call.query, width: width)
    text += fields("body (JSON)", call.body, width: width)
    text += fields("response (\(call.responseType))", call.response, width: width, always: true)
    text += "     reference: \(call.reference)\n"
    return text
  }

  /// The narrowest a description column may be; narrower, descriptions go below their fields.
  static let descriptionRoom = 24

  private static func fields(_ title: String, _ fields: [APICall.Field], width: Int, always: Bool = false) -> String {
    guard always || !fields.isEmpty else { return "" }
    var text = "     \(title)\(fields.isEmpty ? "" : ":")\n"
    let indent = "       "
    let nameWidth = fields.map(\.name.count).max() ?? 0
    let typeWidth = fields.map(\.type.count).max() ?? 0
    let column = indent.count + nameWidth + 2 + typeWidth + 2
    let room = width - column
    for field in fields {
      if room >= descriptionRoom {
        let lines = TextWrap.lines(field.help, width: room, breaksWords: false)
        text += indent + pad(field.name, nameWidth) + "  " + pad(field.type, typeWidth) + "  " + lines[0] + "\n"
        for line in lines.dropFirst() { text += String(repeating: " ", count: column) + line + "\n" }
      } else {
        let below = indent + "  "
        // The types stay in a column while that fits too.
        let name = column - 2 <= width ? pad(field.name, nameWidth) : field.name
        text += indent + name + "  " + field.type + "\n"
        for line in TextWrap.lines(field.help, width: max(1, width - below.count), breaksWords: false) {
          text += below + line + "\n"
        }
      }
    }
    return text
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0)
  }
}

extension CommandSpec {
  /// The call that names a verb in the overview: its first change, else its first call.
  var primaryCall: APICall? { calls.first(where: \.isMutating) ?? calls.first }
}
