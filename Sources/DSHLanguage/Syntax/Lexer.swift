/// Turns source bytes into tokens.
///
/// Keeps going after an error so that one run reports every lexical problem; the errors are
/// collected in `errors`.
struct Lexer {
  private let bytes: [UInt8]
  private let base: Int
  private var index = 0
  /// Whether the next token starts a line: nothing, or a newline, came before it.
  private var atLineStart = true
  private(set) var errors: [SyntaxError] = []

  /// Lexes `bytes`, whose first byte sits at offset `base` of the whole source.
  init(bytes: ArraySlice<UInt8>, base: Int = 0) {
    self.bytes = Array(bytes)
    self.base = base
  }

  /// Every token up to and including the end.
  mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    repeat { tokens.append(nextToken()) } while !tokens[tokens.count - 1].isEnd
    return tokens
  }

  /// The next token; once the end is reached, the end again.
  mutating func nextToken() -> Token {
    var spaced = skipBlanks()
    while skipBadRun() {
      _ = skipBlanks()
      spaced = true
    }
    // Past `Parser.maximumErrors` errors lexing ends.
    if errors.count >= Parser.maximumErrors { skipToEnd() }
    let token = next(spaceBefore: spaced || atLineStart)
    atLineStart = token.isNewline
    return token
  }

  /// Skips the rest of the bytes: the next token is the end.
  mutating func skipToEnd() { index = bytes.count }

  private mutating func report(_ error: SyntaxError) {
    if errors.count < Parser.maximumErrors { errors.append(error) }
  }

  /// Skips bytes that start no token (NUL, `` ` ``, control characters), and the blanks
  /// between them, as one error: 50 KB of NUL is one diagnostic, not fifty thousand.
  private mutating func skipBadRun() -> Bool {
    guard let first = peek(), isBad(first) else { return false }
    let start = index
    var count = 0
    var end = index
    while let byte = peek() {
      if isBad(byte) {
        count += 1
        index += 1
        end = index
      } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
        index += 1
      } else {
        break
      }
    }
    index = end
    let what = first == 0 ? "NUL byte" : describe(first)
    let more = count > 1 ? " and \(count - 1) more character\(count == 2 ? "" : "s") dsh does not use" : ""
    report(.unexpectedCharacter(what + more, SourceRange(base + start, base + end)))
    return true
  }

  private func isBad(_ byte: UInt8) -> Bool {
    switch byte {
    case 0: return true
    case UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "#"),
      UInt8(ascii: "$"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return false
    case UInt8(ascii: "\\"): return !isLineContinuation
    default: return !Self.isWordStart(byte) && !Self.isSymbol(byte)
    }
  }

  private func peek(_ offset: Int = 0) -> UInt8? {
    let position = index + offset
    return position < bytes.count ? bytes[position] : nil
  }

  private func range(from start: Int) -> SourceRange { SourceRange(base + start, base + index) }

  /// Skips spaces, tabs, carriage returns, comments and backslash-newline continuations.
  private mutating func skipBlanks() -> Bool {
    let start = index
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        index += 1
      case 0xEF where isBOM:
        index += 3
      case UInt8(ascii: "\\") where isLineContinuation:
        index += 1
        while peek() != UInt8(ascii: "\n") { index += 1 }
        index += 1
      case UInt8(ascii: "#"):
        while let next = peek(), next != UInt8(ascii: "\n") { index += 1 }
      default:
        return index > start
      }
    }
    return index > start
  }

  private var isBOM: Bool { index == 0 && peek(1) == 0xBB && peek(2) == 0xBF }

  private var isLineContinuation: Bool {
    var offset = 1
    while let byte = peek(offset),
      byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        || byte == UInt8(ascii: "\r")
    {
      offset += 1
    }
    return peek(offset) == UInt8(ascii: "\n")
  }

  private mutating func next(spaceBefore: Bool) -> Token {
    let start = index
    guard let byte = peek() else {
      return Token(kind: .end, range: range(from: start), spaceBefore: spaceBefore)
    }
    let kind: Token.Kind
    switch byte {
    case UInt8(ascii: "\n"):
      index += 1
      kind = .newline
    case UInt8(ascii: "$"):
      kind = lexVariable()
    case UInt8(ascii: "\""):
      kind = lexString()
    case UInt8(ascii: "'"):
      kind = lexRawString()
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      kind = lexNumberOrWord()
    case UInt8(ascii: "-") where peek(1) == UInt8(ascii: "-") && peek(2).map(Self.isWordStart) == true:
      index += 2
      kind = .flag(readWord())
    case _ where Self.isWordStart(byte):
      kind = .word(readWord())
    default:
      kind = lexSymbol()
    }
    return Token(kind: kind, range: range(from: start), spaceBefore: spaceBefore)
  }

  private func describe(_ byte: UInt8) -> String {
    byte < 0x20 || byte == 0x7F
      ? "control character 0x\(String(byte, radix: 16))" : "'\(Character(Unicode.Scalar(byte)))'"
  }

  static func isWordStart(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || byte == UInt8(ascii: "_") || byte >= 0x80
  }

  static func isWordByte(_ byte: UInt8) -> Bool {
    isWordStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || byte == UInt8(ascii: "-")
  }

  private mutating func readWord() -> String {
    let start = index
    while let byte = peek(), Self.isWordByte(byte) { index += 1 }
    // A trailing dash belongs to what follows (`a- 1`), not to the word.
    while index > start + 1, bytes[index - 1] == UInt8(ascii: "-") { index -= 1 }
    return String(decoding: bytes[start..<index], as: UTF8.self)
  }

  private mutating func lexVariable() -> Token.Kind {
    let start = index
    index += 1
    guard let byte = peek(), Self.isWordStart(byte) else {
      report(.expected("a variable name after '$'", range(from: start)))
      return .variable("")
    }
    let nameStart = index
    while let byte = peek(), Self.isWordStart(byte) || (byte >= 48 && byte <= 57) { index += 1 }
    return .variable(String(decoding: bytes[nameStart..<index], as: UTF8.self))
  }

  private mutating func lexNumberOrWord() -> Token.Kind {
    let start = index
    while let byte = peek(), byte >= 48 && byte <= 57 { index += 1 }
    var isFloat = false
    if peek() == UInt8(ascii: "."), let after = peek(1), after >= 48 && after <= 57 {
      isFloat = true
      index += 1
      while let byte = peek(), byte >= 48 && byte <= 57 { index += 1 }
    }
    let digits = String(decoding: bytes[start..<index], as: UTF8.self)
    let unitStart = index
    while let byte = peek(), Self.isWordByte(byte) { index += 1 }
    let unit = String(decoding: bytes[unitStart..<index], as: UTF8.self)
    if unit.isEmpty {
      if isFloat {
        guard let value = Double(digits), value.isFinite else {
          report(.outOfRange(digits, limit: "a float is at most \(Double.greatestFiniteMagnitude)", range(from: start)))
          return .float(0)
        }
        return .float(value)
      }
      guard let value = Int(digits) else {
        report(.outOfRange(digits, limit: "an int is at most \(Int.max)", range(from: start)))
        return .int(0)
      }
      return .int(value)
    }
    if let seconds = Self.durationUnits[unit], let amount = Double(digits) {
      guard amount * seconds <= Value.maximumDuration else {
        report(
          .outOfRange(digits + unit, limit: "a duration is at most \(Value.maximumDurationText)", range(from: start)))
        return .duration(0)
      }
      return .duration(amount * seconds)
    }
    if isFloat {
      report(.invalidNumber(digits + unit, range(from: start)))
      return .float(0)
    }
    return .word(digits + unit)
  }

  static let durationUnits: [String: Double] = [
    "ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800,
  ]

  /// Words people write after a number (`30 days`), with the unit a duration uses (`30d`).
  static let unitWords: [String: String] = [
    "second": "s", "seconds": "s", "sec": "s", "secs": "s", "minute": "m", "minutes": "m", "min": "m",
    "mins": "m", "hour": "h", "hours": "h", "day": "d", "days": "d", "week": "w", "weeks": "w",
  ]

  private mutating func lexSymbol() -> Token.Kind {
    let start = index
    index += isTwoByteSymbol ? 2 : 1
    return .symbol(String(decoding: bytes[start..<index], as: UTF8.self))
  }

  /// `==`, `!=`, `<=`, `>=`, `=~` or `!~` starts at the current byte.
  private var isTwoByteSymbol: Bool {
    guard let second = peek(1) else { return false }
    switch bytes[index] {
    case UInt8(ascii: "="), UInt8(ascii: "!"): return second == UInt8(ascii: "=") || second == UInt8(ascii: "~")
    case UInt8(ascii: "<"), UInt8(ascii: ">"): return second == UInt8(ascii: "=")
    default: return false
    }
  }

  /// Whether `byte` is a symbol token on its own: one of `|()[]{},:;.=<>+-*/%@!?&~^`.
  static func isSymbol(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "|"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"),
      UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "."),
      UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"),
      UInt8(ascii: "/"), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "&"),
      UInt8(ascii: "~"), UInt8(ascii: "^"):
      return true
    default:
      return false
    }
  }

  private mutating func lexRawString() -> Token.Kind {
    let start = index
    index += 1
    let contentStart = index
    while let byte = peek(), byte != UInt8(ascii: "'") { index += 1 }
    let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
    if peek() == nil {
      report(.unterminatedString(range(from: start)))
    } else {
      index += 1
    }
    return .rawString(text)
  }

  /// After `$name` in a string, a path is followed as in code: `.field` (a letter must
  /// follow the dot, so `"$u."` keeps its dot) and `[index]` (closed before the string ends).
  private mutating func skipInterpolatedPath() {
    while let byte = peek() {
      if byte == UInt8(ascii: "."), let next = peek(1), Self.isWordStart(next) {
        index += 1
        while let inner = peek(), Self.isWordStart(inner) || (inner >= 48 && inner <= 57) { index += 1 }
      } else if byte == UInt8(ascii: "[") {
        var end = index + 1
        while end < bytes.endIndex, ![UInt8(ascii: "]"), UInt8(ascii: "\""), 10].contains(bytes[end]) { end += 1 }
        guard end < bytes.endIndex, bytes[end] == UInt8(ascii: "]"), end > index + 1 else { return }
        index = end + 1
      } else {
        return
      }
    }
  }

  private mutating func lexString() -> Token.Kind {
    let start = index
    index += 1
    var parts: [StringPart] = []
    var text: [UInt8] = []
    func flush() {
      if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
      text.removeAll()
    }
    while let byte = peek(), byte != UInt8(ascii: "\"") {
      switch byte {
      case UInt8(ascii: "\\"):
        let escapeStart = index
        index += 1
        guard let escaped = peek() else { break }
        index += 1
        switch escaped {
        case UInt8(ascii: "n"): text.append(10)
        case UInt8(ascii: "t"): text.append(9)
        case UInt8(ascii: "r"): text.append(13)
        case UInt8(ascii: "0"): text.append(0)
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"): text.append(escaped)
        default:
          report(.unknownEscape(Character(Unicode.Scalar(escaped)), range(from: escapeStart)))
        }
      case UInt8(ascii: "$") where peek(1) == UInt8(ascii: "{"):
        flush()
        let exprStart = index + 2
        index += 2
        var depth = 1
        while let inner = peek(), depth > 0 {
          if inner == UInt8(ascii: "{") { depth += 1 }
          if inner == UInt8(ascii: "}") { depth -= 1 }
          if depth > 0 { index += 1 }
        }
        parts.append(.expression(SourceRange(base + exprStart, base + index)))
        if peek() == UInt8(ascii: "}") { index += 1 }
      case UInt8(ascii: "$") where peek(1).map(Self.isWordStart) == true:
        flush()
        let nameStart = index
        index += 1
        while let inner = peek(), Self.isWordStart(inner) || (inner >= 48 && inner <= 57) {
          index += 1
        }
        let name = String(decoding: bytes[(nameStart + 1)..<index], as: UTF8.self)
        let nameEnd = index
        skipInterpolatedPath()
        if index == nameEnd {
          parts.append(.variable(name, range(from: nameStart)))
        } else {
          parts.append(.expression(SourceRange(base + nameStart, base + index)))
        }
      default:
        text.append(byte)
        index += 1
      }
    }
    flush()
    if peek() == nil {
      report(.unterminatedString(range(from: start)))
    } else {
      index += 1
    }
    return .string(parts)
  }
}
