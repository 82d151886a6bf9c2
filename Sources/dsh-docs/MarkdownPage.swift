/// A `Document` as GitHub-flavoured Markdown: a contents list of its subsections, then the
/// blocks.
enum MarkdownPage {
  static func text(_ document: Document) -> String {
    var text = "# \(document.name): \(escape(document.title))\n\n"
    text += "<!-- Written by dsh-docs from the command declarations (make docs); do not edit. -->\n"
    text += contents(document)
    var previous: Document.Block?
    for block in document.blocks {
      // A run of arguments is one list.
      if case .argument = block, case .argument? = previous {} else { text += "\n" }
      text += markdown(block)
      previous = block
    }
    return text
  }

  /// Each section's subsections, linked to their headings.
  private static func contents(_ document: Document) -> String {
    var lines: [String] = []
    for block in document.blocks {
      switch block {
      case .section(let heading): lines.append("- \(escape(heading)):")
      case .subsection(let heading):
        guard let last = lines.popLast() else { continue }
        lines.append(last + (last.hasSuffix(":") ? " " : ", ") + "[`\(heading)`](#\(anchor(heading)))")
      default: continue
      }
    }
    let filled = lines.filter { !$0.hasSuffix(":") }
    return filled.isEmpty ? "" : "\n" + filled.map { $0 + "\n" }.joined()
  }

  private static func markdown(_ block: Document.Block) -> String {
    switch block {
    case .section(let heading): return "## \(escape(heading))\n"
    case .subsection(let heading): return "### \(escape(heading))\n"
    case .paragraph(let body): return paragraph(body)
    case .literal(let lines): return "```\n" + lines.map { $0 + "\n" }.joined() + "```\n"
    case .argument(let tag, let body): return "- `\(tag)`: \(escape(body))\n"
    case .fact(let label, let body): return "**\(escape(label)):** \(escape(body))\n"
    case .links(let label, let links):
      return "**\(escape(label)):**\n\n"
        + links.enumerated().map { index, link in
          "\(index + 1). [`\(link.text)`](\(link.url))" + (link.note.map { " (\(escape($0)))" } ?? "") + "\n"
        }.joined()
    }
  }

  /// Prose, except that a run of indented lines (a list of calls in a discussion) is shown
  /// as it is, in a code block.
  private static func paragraph(_ body: String) -> String {
    var text = ""
    var indented: [Substring] = []
    func endIndented() {
      guard !indented.isEmpty else { return }
      text += (text.isEmpty ? "" : "\n") + "```\n" + indented.map { $0 + "\n" }.joined() + "```\n"
      indented = []
    }
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix(" ") {
        indented.append(line)
      } else {
        endIndented()
        text += escape(String(line)) + "\n"
      }
    }
    endIndented()
    return text
  }

  /// GitHub's id for a heading of plain words and hyphens.
  static func anchor(_ heading: String) -> String {
    String(heading.lowercased().compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" ? $0 : nil) })
  }

  /// Prose made safe for Markdown: what would start emphasis, a link or an HTML tag is
  /// escaped; `code` in backticks stays code.
  static func escape(_ text: String) -> String {
    var escaped = ""
    var inCode = false
    for character in text {
      if character == "`" { inCode.toggle() }
      if !inCode, "\\*_[]<>|".contains(character) { escaped.append("\\") }
      escaped.append(character)
    }
    return escaped
  }
}
