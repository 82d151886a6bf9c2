/// A problem found while reading program text.
///
/// Nothing runs when a source has any.
public enum SyntaxError: Error, Sendable, Equatable {
  case unexpectedCharacter(String, SourceRange)
  case unterminatedString(SourceRange)
  case unknownEscape(Character, SourceRange)
  case invalidNumber(String, SourceRange)
  /// A number or duration literal beyond what a value can hold; the text says the limit.
  case outOfRange(String, limit: String, SourceRange)
  case expected(String, SourceRange)
  case unexpected(found: String, expected: String, SourceRange)
  case unclosed(String, opened: SourceRange, SourceRange)
  case misplaced(String, SourceRange)
  case nestedTooDeeply(SourceRange)
  /// Parsing stopped here after `Parser.maximumErrors` errors.
  case tooManyErrors(SourceRange)
  case invalidEncoding(byteOffset: Int)

  /// The bytes the error is about (for bad UTF-8, the first invalid byte).
  public var range: SourceRange {
    switch self {
    case .unexpectedCharacter(_, let range), .unterminatedString(let range),
      .unknownEscape(_, let range), .invalidNumber(_, let range), .outOfRange(_, _, let range),
      .expected(_, let range), .unexpected(_, _, let range), .unclosed(_, _, let range),
      .misplaced(_, let range), .nestedTooDeeply(let range), .tooManyErrors(let range):
      return range
    case .invalidEncoding(let offset):
      return SourceRange(offset, offset + 1)
    }
  }

  /// The one-line message shown after the code, such as "unterminated string: add the closing quote".
  public var message: String {
    switch self {
    case .unexpectedCharacter(let what, _): return "unexpected \(what)"
    case .unterminatedString: return "unterminated string: add the closing quote"
    case .unknownEscape(let char, _):
      return "unknown escape '\\\(char)': use \\n \\t \\r \\\" \\\\ or \\$"
    case .invalidNumber(let text, _): return "'\(text)' is not a number"
    case .expected(let what, _): return "expected \(what)"
    case .unexpected(let found, let expected, _): return "expected \(expected), found \(found)"
    case .unclosed(let what, _, _): return "unclosed \(what)"
    case .misplaced(let what, _): return "\(what)"
    case .outOfRange(let text, let limit, _): return "'\(text)' is out of range: \(limit)"
    case .nestedTooDeeply:
      return "expression too deep (limit \(Parser.maximumDepth)): split it with variables"
    case .tooManyErrors: return "stopped after \(Parser.maximumErrors) errors"
    case .invalidEncoding(let offset): return "the file is not valid UTF-8 (byte \(offset))"
    }
  }

  /// The stable diagnostic code: `E100` for a bad token, `E101` for a bad structure.
  public var code: String {
    switch self {
    case .unexpectedCharacter, .unterminatedString, .unknownEscape, .invalidNumber, .outOfRange,
      .invalidEncoding:
      return "E100"
    case .expected, .unexpected, .unclosed, .misplaced, .nestedTooDeeply, .tooManyErrors: return "E101"
    }
  }
}
