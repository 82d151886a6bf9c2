extension Parser {
  var endsCommand: Bool {
    switch current.kind {
    case .end, .newline: return true
    case .symbol("|"), .symbol(";"), .symbol(")"), .symbol("}"), .symbol("]"): return true
    default: return false
    }
  }

  mutating func parseCommand() throws(SyntaxError) -> CommandCall {
    let nameToken = advance()
    guard case .word(let name) = nameToken.kind else { throw .expected("a command name", nameToken.range) }
    let signature = signatures(name)
    var arguments: [Argument] = []
    var positionalIndex = 0
    var end = nameToken.range
    while !endsCommand {
      if case .flag(let flag) = current.kind {
        let flagToken = advance()
        let takesValue = signature?.flag(named: flag)?.valueName != nil
        let value = takesValue && !endsCommand ? try parseArgumentValue() : nil
        if takesValue && value == nil {
          throw .expected("a value after --\(flag)", flagToken.range)
        }
        let range = flagToken.range.union(value?.range ?? flagToken.range)
        arguments.append(.flag(name: flag, value: value, range: range))
        end = range
        continue
      }
      let shape = signature?.parameter(at: positionalIndex)?.shape ?? .value
      let value: Expr
      switch shape {
      case .condition:
        value = try parseExpression()
      case .block where current.isSymbol("{"):
        blockArgumentDepth += 1
        defer { blockArgumentDepth -= 1 }
        let block = try parseBlock()
        value = Expr(kind: .block(block), range: block.range)
      default:
        value = try parseArgumentValue()
      }
      arguments.append(.positional(value))
      positionalIndex += 1
      end = value.range
    }
    return CommandCall(
      name: name, nameRange: nameToken.range, arguments: arguments, range: nameToken.range.union(end))
  }

  /// One argument: a value, or a bare word (`alice@example.com`, `/api/2.0/people`) read as a string.
  mutating func parseArgumentValue() throws(SyntaxError) -> Expr {
    let token = current
    if token.isSymbol("-"), !peek(1).spaceBefore {
      switch peek(1).kind {
      // `-05:00` is a word; `-3` and `-1s` are negative values.
      case .int, .float, .duration: return continuesBareWord(after: 1) ? bareWord() : try parseUnary()
      default: break
      }
    }
    switch token.kind {
    case .variable, .string, .rawString, .symbol("("), .symbol("["), .symbol("{"):
      return try parsePostfix(try parsePrimary())
    case .int, .float, .duration, .word:
      if continuesBareWord(after: 0) { return bareWord() }
      if case .word(let word) = token.kind {
        _ = advance()
        return Expr(kind: Self.literalWord(word), range: token.range)
      }
      return try parsePostfix(try parsePrimary())
    case .symbol:
      return bareWord()
    default:
      throw unexpected(expected: "an argument")
    }
  }

  private mutating func continuesBareWord(after offset: Int) -> Bool {
    let next = peek(offset + 1)
    guard !next.spaceBefore else { return false }
    switch next.kind {
    case .end, .newline, .flag: return false
    case .symbol(let text): return !["|", ";", ")", "}", "]", ",", "[", "("].contains(text)
    default: return true
    }
  }

  private mutating func bareWord() -> Expr {
    let first = advance()
    var range = first.range
    while !current.spaceBefore, !endsCommand, !current.isEnd {
      if current.isSymbol(",") || current.isSymbol("[") || current.isSymbol("(") { break }
      if case .flag = current.kind { break }
      range = range.union(advance().range)
    }
    let text = source.slice(range)
    if range == first.range, case .word(let word) = first.kind {
      return Expr(kind: Self.literalWord(word), range: range)
    }
    return Expr(kind: .literal(.string(text)), range: range)
  }

  /// In argument position a bare word is a string, except the literal keywords.
  static func literalWord(_ word: String) -> Expr.Kind {
    switch word {
    case "true", "false", "null", "now": return wordExpression(word)
    default: return .literal(.string(word))
    }
  }
}
