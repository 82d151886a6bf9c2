import DSHLanguage

/// dsh-language(7) and dsh-verbs(7) (and docs/verbs.md, the same page), from the same
/// declarations as `help`.
enum CommandPages {
  static let verbCategories: [CommandSpec.Category] = [.sessions, .people, .connection]

  static func verbs(_ registry: CommandRegistry, version: String) -> Document {
    var page = Document(
      name: "dsh-verbs", section: 7, version: version, title: "the DocSpace API commands of dsh")
    page.add(.section("Description"))
    page.add(
      .paragraph(
        "The commands that talk to an ONLYOFFICE DocSpace portal, with the HTTP calls each one makes and the role it needs. Inside dsh, `help CMD` prints the same text."
      ))
    for category in verbCategories { describe(category, registry, into: &page) }
    page.add(.section("See also"))
    page.add(.paragraph("dsh(1), dsh-language(7), dsh-sim(1)"))
    return page
  }

  static func language(_ registry: CommandRegistry, version: String) -> Document {
    var page = Document(
      name: "dsh-language", section: 7, version: version, title: "the dsh language and its data commands")
    page.add(.section("Description"))
    page.add(
      .paragraph(
        "A dsh program is a sequence of statements; a pipeline passes typed values (records, lists, strings, numbers, dates, durations) from one command to the next. API commands are in dsh-verbs(7)."
      ))
    page.add(.section("Syntax"))
    page.add(
      .literal([
        "$x = PIPELINE                 assign",
        "a | b | c                     a pipeline",
        "where COND · $x.field · $x[0] conditions, fields, indexes",
        "if COND { } else { }          conditions",
        "for $x in PIPELINE { }        loops",
        "def name [a] { }              procedures; def main [...] takes the script's arguments",
        "try { } catch { $error }      errors",
        "source FILE · exit [N]        other files, the exit status",
      ]))
    for category in CommandSpec.Category.allCases where !verbCategories.contains(category) {
      describe(category, registry, into: &page)
    }
    page.add(.section("See also"))
    page.add(.paragraph("dsh(1), dsh-verbs(7)"))
    return page
  }

  private static func describe(
    _ category: CommandSpec.Category, _ registry: CommandRegistry, into page: inout Document
  ) {
    let specs = registry.all.filter { $0.category == category }
    guard !specs.isEmpty else { return }
    page.add(.section(category.rawValue))
    for spec in specs { command(spec, into: &page) }
  }

  private static func command(_ spec: CommandSpec, into page: inout Document) {
    page.add(.subsection(spec.name))
    page.add(.paragraph(spec.summary + "."))
    page.add(.literal([spec.signature.usage(for: spec.name)]))
    if !spec.discussion.isEmpty { page.add(.paragraph(spec.discussion)) }
    let parameters = spec.signature.positionals + (spec.signature.rest.map { [$0] } ?? [])
    for parameter in parameters { page.add(.argument(parameter.name, parameter.help)) }
    for flag in spec.signature.flags {
      page.add(.argument("--\(flag.name)" + (flag.valueName.map { " \($0)" } ?? ""), flag.help))
    }
    if !spec.calls.isEmpty {
      page.add(
        .links(
          "API calls, in order",
          spec.calls.map { call in
            let note = [call.when, call.purpose].compactMap { $0 }.joined(separator: "; ")
            return Document.Link(text: call.line, url: call.reference, note: note.isEmpty ? nil : note)
          }))
    }
    if let role = spec.role { page.add(.fact("Role needed", role)) }
    if !spec.examples.isEmpty {
      page.add(.paragraph("Examples:"))
      page.add(.literal(spec.examples.flatMap { ["# \($0.summary)", $0.code] }))
    }
    if !spec.seeAlso.isEmpty { page.add(.fact("See also", spec.seeAlso.joined(separator: ", "))) }
  }
}
