/// Turns source bytes into tokens. Keeps going after an error so that one run
/// reports every lexical problem; the errors are collected in `errors`.
struct Lexer {
  private let bytes: [UInt8]
  private let base: Int
  private var index = 0
  private(set) var errors: [SyntaxError] = []

  /// Lexes `bytes`, whose first byte sits at offset `base` of the whole source.
  init(bytes: ArraySlice<UInt8>, base: Int = 0) {
    self.bytes = Array(bytes)
    self.base = base
  }

  mutating func tokenize() -> [Token] {
    var tokens: [Token] = []
    while true {
      let spaced = skipBlanks()
      let token = next(spaceBefore: spaced || tokens.last?.kind == .newline || tokens.isEmpty)
      tokens.append(token)
      if token.kind == .end { return tokens }
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
    case 0:
      index += 1
      errors.append(.unexpectedCharacter("NUL byte", range(from: start)))
      return next(spaceBefore: true)
    default:
      kind = lexSymbol()
      if case .symbol(let text) = kind, text.isEmpty {
        index += 1
        errors.append(.unexpectedCharacter(describe(byte), range(from: start)))
        return next(spaceBefore: true)
      }
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
      errors.append(.expected("a variable name after '$'", range(from: start)))
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
      if isFloat { return .float(Double(digits) ?? 0) }
      guard let value = Int(digits) else {
        errors.append(.invalidNumber(digits, range(from: start)))
        return .int(0)
      }
      return .int(value)
    }
    if let seconds = Self.durationUnits[unit], let amount = Double(digits) {
      return .duration(amount * seconds)
    }
    if isFloat {
      errors.append(.invalidNumber(digits + unit, range(from: start)))
      return .float(0)
    }
    return .word(digits + unit)
  }

  static let durationUnits: [String: Double] = [
    "ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800,
  ]

  private mutating func lexSymbol() -> Token.Kind {
    let two = peek(1).map { String(decoding: [bytes[index], $0], as: UTF8.self) } ?? ""
    if ["==", "!=", "<=", ">=", "=~", "!~"].contains(two) {
      index += 2
      return .symbol(two)
    }
    let single = Character(Unicode.Scalar(bytes[index]))
    guard "|()[]{},:;.=<>+-*/%@!?&~^".contains(single) else { return .symbol("") }
    index += 1
    return .symbol(String(single))
  }

  private mutating func lexRawString() -> Token.Kind {
    let start = index
    index += 1
    let contentStart = index
    while let byte = peek(), byte != UInt8(ascii: "'") { index += 1 }
    let text = String(decoding: bytes[contentStart..<index], as: UTF8.self)
    if peek() == nil {
      errors.append(.unterminatedString(range(from: start)))
    } else {
      index += 1
    }
    return .rawString(text)
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
          errors.append(.unknownEscape(Character(Unicode.Scalar(escaped)), range(from: escapeStart)))
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
        parts.append(.variable(name, range(from: nameStart)))
      default:
        text.append(byte)
        index += 1
      }
    }
    flush()
    if peek() == nil {
      errors.append(.unterminatedString(range(from: start)))
    } else {
      index += 1
    }
    return .string(parts)
  }
}
