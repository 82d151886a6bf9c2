/// Long text broken into lines that fit a terminal, never cut short.
///
/// Widths count characters, as the table renderer does.
public enum TextWrap {
  /// Characters after which a word too long for a line (a URL, a GUID, a path) is broken
  /// rather than at an arbitrary character.
  static let breakAfter: Set<Character> = ["/", "-", "?", "&", "=", "_", ".", ",", ";", ":"]

  /// One line of text (no line breaks) as lines of at most `width` characters, the first at most
  /// `first`.
  ///
  /// A line ends at its last space where there is one (that space is dropped); a word longer than a
  /// whole line is broken after a `/`, `-`, `&` and the like in the line's second half, or else at
  /// the width — unless `breaksWords` is false (prose, where a URL must stay whole to be copied):
  /// then such a word runs past the width on its own line. Nothing else is dropped, so a text
  /// without spaces is exactly its lines joined.
  static func lines(_ text: String, width: Int, first: Int? = nil, breaksWords: Bool = true) -> [String] {
    let characters = Array(text)
    var lines: [String] = []
    var start = 0
    var room = max(1, first ?? width)
    while characters.count - start > room {
      let end = start + room
      if let space = stride(from: end, to: start, by: -1).first(where: { characters[$0] == " " }) {
        lines.append(String(characters[start..<space]))
        start = space + 1
      } else if !breaksWords {
        guard let space = characters[end...].firstIndex(of: " ") else { break }
        lines.append(String(characters[start..<space]))
        start = space + 1
      } else {
        let soft = stride(from: end - 1, through: start + room / 2, by: -1).first {
          breakAfter.contains(characters[$0])
        }
        let cut = soft.map { $0 + 1 } ?? end
        lines.append(String(characters[start..<cut]))
        start = cut
      }
      room = max(1, width)
    }
    lines.append(String(characters[start...]))
    return lines
  }

  /// Help and other prose for a terminal `width` characters wide: every longer line broken at
  /// spaces.
  ///
  /// A paragraph's continuation lines start where it does; an indented line's (a usage line, an
  /// example, a `# comment`) two further in; a `  name  summary` line's under its summary, when
  /// that starts in the left half.
  public static func prose(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      guard line.count > width else { return String(line) }
      let leading = line.prefix { $0 == " " }.count
      let body = String(line.dropFirst(leading))
      let hanging = leading > 0 || body.hasPrefix("# ") ? leading + 2 : leading
      let column = secondColumn(body).map { leading + $0 }.flatMap { $0 <= width / 2 ? $0 : nil }
      let indent = column ?? hanging
      let parts = lines(body, width: width - indent, first: width - leading, breaksWords: false)
      return parts.enumerated().map { index, part in
        let text = index == 0 ? Substring(part) : part.drop { $0 == " " }
        return String(repeating: " ", count: index == 0 ? leading : indent) + String(text).trimmingTrailingSpaces()
      }.joined(separator: "\n")
    }.joined(separator: "\n")
  }

  /// Where the text after the first run of two or more spaces starts, in `name  summary`.
  static func secondColumn(_ body: String) -> Int? {
    let characters = Array(body)
    var index = 0
    while index + 1 < characters.count {
      if characters[index] == " ", characters[index + 1] == " " {
        var next = index
        while next < characters.count, characters[next] == " " { next += 1 }
        return next < characters.count ? next : nil
      }
      index += 1
    }
    return nil
  }
}
