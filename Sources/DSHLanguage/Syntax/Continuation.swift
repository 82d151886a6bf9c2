/// Whether the REPL should read another line before running: an open bracket, a
/// trailing `|` or `\`, or an unterminated string.
public enum Continuation {
  /// Whether `text` is unfinished and the REPL should read another line before running it.
  public static func needsMore(_ text: String) -> Bool {
    var trimmed = text
    while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
    if trimmed.hasSuffix("\\") { return true }
    var lexer = Lexer(bytes: Array(text.utf8)[...])
    let tokens = lexer.tokenize()
    if lexer.errors.contains(where: { if case .unterminatedString = $0 { true } else { false } }) { return true }
    var depth = 0
    for token in tokens {
      if token.isSymbol("(") || token.isSymbol("[") || token.isSymbol("{") { depth += 1 }
      if token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}") { depth -= 1 }
    }
    if depth > 0 { return true }
    let meaningful = tokens.last { !$0.isNewline && !$0.isEnd }
    return meaningful?.isSymbol("|") ?? false
  }
}
