/// A reference page as its content, before any markup: the man(7) writer (`ManualPage`) and
/// the Markdown writer (`MarkdownPage`) each turn the same blocks into their text.
struct Document {
  /// A line that names something and where to read more about it (an HTTP call and its
  /// reference page), with when it applies.
  struct Link {
    var text: String
    var url: String
    var note: String?
  }

  enum Block {
    case section(String)
    case subsection(String)
    case paragraph(String)
    /// Lines shown as they are (code, usage).
    case literal([String])
    /// A parameter or flag and what it is.
    case argument(String, String)
    /// A labelled fact: `Role needed`, `See also`.
    case fact(String, String)
    /// A labelled list of links, in order.
    case links(String, [Link])
  }

  var name: String
  var manualSection: Int
  var version: String
  var title: String
  private(set) var blocks: [Block] = []

  init(name: String, section: Int, version: String, title: String) {
    self.name = name
    manualSection = section
    self.version = version
    self.title = title
  }

  mutating func add(_ block: Block) { blocks.append(block) }
}
