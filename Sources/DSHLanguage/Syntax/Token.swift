/// One lexical unit, with its range and whether whitespace came before it.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case word(String)
    case variable(String)
    case flag(String)
    case int(Int)
    case float(Double)
    case duration(Double)
    case string([StringPart])
    case rawString(String)
    case symbol(String)
    case newline
    case end
  }

  var kind: Kind
  var range: SourceRange
  var spaceBefore: Bool

  var isEnd: Bool {
    if case .end = kind { return true }
    return false
  }

  var isNewline: Bool {
    if case .newline = kind { return true }
    return false
  }

  func isSymbol(_ text: String) -> Bool {
    if case .symbol(let symbol) = kind { return symbol == text }
    return false
  }

  func isWord(_ text: String) -> Bool {
    if case .word(let word) = kind { return word == text }
    return false
  }
}

/// A piece of a double-quoted string: literal text or an interpolated expression.
enum StringPart: Sendable, Equatable {
  case text(String)
  case variable(String, SourceRange)
  case expression(SourceRange)
}
