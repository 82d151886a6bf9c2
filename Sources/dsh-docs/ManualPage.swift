/// A man(7) page built section by section.
struct ManualPage {
  private(set) var text: String

  init(name: String, section: Int, version: String, title: String) {
    text = ".TH \(name.uppercased()) \(section) \"\" \"dsh \(version)\" \"dsh manual\"\n"
    text += ".SH NAME\n\(Roff.escape(name)) \\- \(Roff.escape(title))\n"
  }

  mutating func section(_ heading: String) { text += ".SH \(heading.uppercased())\n" }
  mutating func subsection(_ heading: String) { text += ".SS \(Roff.escape(heading))\n" }
  mutating func paragraph(_ body: String) { text += ".PP\n\(Roff.escape(body))\n" }

  /// A tagged paragraph: `tag` in bold, `body` indented under it.
  mutating func item(_ tag: String, _ body: String) { text += ".TP\n.B \(Roff.escape(tag))\n\(Roff.escape(body))\n" }

  /// Lines shown as they are (code, usage).
  mutating func literal(_ lines: [String]) {
    text += ".PP\n.nf\n.RS 4\n" + lines.map { Roff.escape($0) + "\n" }.joined() + ".RE\n.fi\n"
  }
}
