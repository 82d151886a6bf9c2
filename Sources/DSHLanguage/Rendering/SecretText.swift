/// Finds secret-looking literals in a line of program text, so that history can leave the
/// line out and diagnostics can mask them in the source line they echo.
///
/// A secret is: the argument after `--token` or `--password` (or `--token=…`); the value of a
/// record key named `password`, `token`, `secret`, `apikey` or `api_key` (any case, quoted or
/// not); an `sk-…` API key; and a long token-like literal, 32 or more characters of
/// `[A-Za-z0-9+/=_.-]` with letters, digits and a run of 20 without a separator, as keys,
/// JWTs and base64 blobs have and paths, file names and UUIDs do not. A variable (`$t`) is
/// never a secret, and neither is a string that only holds a word such as "token".
public enum SecretText {
  /// What a masked literal is shown as, inside its quotes if it had any.
  public static let mask = "•••"

  /// The ranges of `line` holding a secret literal, in order, not overlapping.
  ///
  /// A quoted literal's range includes its quotes.
  public static func spans(in line: String) -> [Range<String.Index>] {
    scan(line).spans
  }

  /// Whether `line` holds a secret literal or names a secret record key, even one whose value is
  /// a variable (`{token: $t}`).
  public static func carriesSecret(_ line: String) -> Bool {
    let found = scan(line)
    return found.namesSecretKey || !found.spans.isEmpty
  }

  /// How the literal `text` (a whole span) is shown: its quotes kept, or its `--flag=` prefix.
  public static func maskedText(_ text: Substring) -> String {
    if let quote = text.first, quote == "\"" || quote == "'" { return "\(quote)\(mask)\(quote)" }
    if let equals = text.firstIndex(of: "="), text.hasPrefix("--") { return text[...equals] + mask }
    return mask
  }

  static let secretKeys: Set<String> = ["password", "token", "secret", "apikey", "api_key"]
  static let secretFlags: Set<String> = ["--token", "--password"]

  private struct Token {
    enum Kind { case word, quoted, punctuation }
    var kind: Kind
    var range: Range<String.Index>
  }

  private static func scan(_ line: String) -> (spans: [Range<String.Index>], namesSecretKey: Bool) {
    let tokens = tokenize(line)
    var spans: [Range<String.Index>] = []
    var namesSecretKey = false
    var index = 0
    while index < tokens.count {
      let token = tokens[index]
      let text = content(of: token, in: line)
      let next = index + 1 < tokens.count ? tokens[index + 1] : nil
      if token.kind == .word, secretFlags.contains(text.lowercased()), let value = next, isLiteral(value, line) {
        spans.append(value.range)
        index += 2
        continue
      }
      if token.kind != .punctuation, secretKeys.contains(text.lowercased()), let colon = next,
        line[colon.range] == ":"
      {
        namesSecretKey = true
        if index + 2 < tokens.count, isLiteral(tokens[index + 2], line) {
          spans.append(tokens[index + 2].range)
          index += 3
          continue
        }
      }
      if token.kind == .word, let equals = text.firstIndex(of: "="),
        secretFlags.contains(text[..<equals].lowercased()), text.index(after: equals) < text.endIndex
      {
        spans.append(token.range)
      } else if token.kind != .punctuation, looksLikeKey(text) || looksLikeToken(text) {
        spans.append(token.range)
      }
      index += 1
    }
    return (spans, namesSecretKey)
  }

  /// Quoted literals, bare words and the punctuation that separates record keys and values.
  private static func tokenize(_ line: String) -> [Token] {
    var tokens: [Token] = []
    var index = line.startIndex
    while index < line.endIndex {
      let character = line[index]
      let start = index
      if character.isWhitespace {
        index = line.index(after: index)
      } else if character == "\"" || character == "'" {
        index = line.index(after: index)
        while index < line.endIndex, line[index] != character {
          if character == "\"", line[index] == "\\" { index = line.index(after: index) }
          if index < line.endIndex { index = line.index(after: index) }
        }
        if index < line.endIndex { index = line.index(after: index) }
        tokens.append(Token(kind: .quoted, range: start..<index))
      } else if punctuation.contains(character) {
        index = line.index(after: index)
        tokens.append(Token(kind: .punctuation, range: start..<index))
      } else {
        while index < line.endIndex, !line[index].isWhitespace, !punctuation.contains(line[index]),
          line[index] != "\"", line[index] != "'"
        {
          index = line.index(after: index)
        }
        tokens.append(Token(kind: .word, range: start..<index))
      }
    }
    return tokens
  }

  private static let punctuation: Set<Character> = ["{", "}", "[", "]", "(", ")", ",", "|", ";", ":"]

  /// A word's text, or a quoted literal's text without its quotes.
  private static func content(of token: Token, in line: String) -> Substring {
    let text = line[token.range]
    guard token.kind == .quoted, text.count >= 2 else { return token.kind == .quoted ? text.dropFirst() : text }
    return text.last == text.first ? text.dropFirst().dropLast() : text.dropFirst()
  }

  /// A value that is written out in the line: not punctuation, not a variable, not `-` (stdin).
  private static func isLiteral(_ token: Token, _ line: String) -> Bool {
    let text = line[token.range]
    return token.kind == .quoted || (token.kind == .word && !text.hasPrefix("$") && text != "-")
  }

  private static func looksLikeKey(_ text: Substring) -> Bool {
    guard let start = text.range(of: "sk-")?.lowerBound else { return false }
    let before = text[..<start].last
    guard before.map({ !$0.isLetter && !$0.isNumber }) ?? true else { return false }
    return text[text.index(start, offsetBy: 3)...].prefix(while: isTokenCharacter).count >= 8
  }

  private static func looksLikeToken(_ text: Substring) -> Bool {
    guard text.count >= 32, text.allSatisfy(isTokenCharacter) else { return false }
    guard text.contains(where: \.isLetter), text.contains(where: \.isNumber) else { return false }
    var run = 0
    for character in text {
      run = "/._-".contains(character) ? 0 : run + 1
      if run >= 20 { return true }
    }
    return false
  }

  private static func isTokenCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || "+/=_.-".contains(character))
  }
}
