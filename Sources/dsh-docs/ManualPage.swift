/// A `Document` as a man(7) page.
enum ManualPage {
  static func text(_ document: Document) -> String {
    var text =
      ".TH \(document.name.uppercased()) \(document.manualSection) \"\" \"dsh \(document.version)\" \"dsh manual\"\n"
    text += ".SH NAME\n\(Roff.escape(document.name)) \\- \(Roff.escape(document.title))\n"
    for block in document.blocks { text += roff(block) }
    return text
  }

  private static func roff(_ block: Document.Block) -> String {
    switch block {
    case .section(let heading): return ".SH \(heading.uppercased())\n"
    case .subsection(let heading): return ".SS \(Roff.escape(heading))\n"
    case .paragraph(let body): return ".PP\n\(Roff.escape(body))\n"
    case .literal(let lines): return ".PP\n.nf\n.RS 4\n" + lines.map { Roff.escape($0) + "\n" }.joined() + ".RE\n.fi\n"
    case .argument(let tag, let body), .fact(let tag, let body): return item(tag, body)
    case .links(let tag, let links):
      let lines = links.map { link in link.text + (link.note.map { " (\($0))" } ?? "") + ": " + link.url }
      return ".TP\n.B \(Roff.escape(tag))\n" + lines.map(Roff.escape).joined(separator: "\n.br\n") + "\n"
    }
  }

  /// A tagged paragraph: `tag` in bold, `body` indented under it.
  private static func item(_ tag: String, _ body: String) -> String {
    ".TP\n.B \(Roff.escape(tag))\n\(Roff.escape(body))\n"
  }
}
