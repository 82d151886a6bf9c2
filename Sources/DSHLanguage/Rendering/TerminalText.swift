/// Text made safe to show on a terminal: nothing a portal or a script sends can move the
/// cursor, set the window title, change colours or reorder what is shown.
public enum TerminalText {
  /// `text` with every control character shown as an escape instead of sent raw.
  ///
  /// C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F) become Swift-style
  /// escapes: ESC as `\e`, tab, line feed and carriage return as `\t`, `\n` and `\r`, the rest as
  /// `\u{7}`, `\u{9b}` and so on. With `keepNewlines`, line feeds and tabs pass through unchanged.
  /// The bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are
  /// escaped too, since they reorder the text around them on screen ("Trojan Source").
  ///
  /// A backslash is left alone, so `\e` in the output may be either an escaped ESC or the two
  /// characters the data held: this is for people to read, not to decode; exact data is what
  /// JSON and CSV output give. Everything else (combining marks, wide characters, emoji) is kept.
  public static func escaped(_ text: String, keepNewlines: Bool) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if needsEscape(scalar, keepNewlines: keepNewlines) {
        result.append(contentsOf: escape(scalar).unicodeScalars)
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return !keepNewlines
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar.value {
    case 0x1B: return "\\e"
    case 0x09: return "\\t"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    default: return "\\u{" + String(scalar.value, radix: 16) + "}"
    }
  }
}
