extension Parser {
  mutating func parseExpression() throws(SyntaxError) -> Expr {
    try enter()
    defer { leave() }
    return try parseOr()
  }

  private mutating func parseOr() throws(SyntaxError) -> Expr {
    var left = try parseAnd()
    var levels = 0
    defer { depth -= levels }
    while current.isWord("or") {
      try deepen(&levels)
      let symbol = advance()
      skipNewlines()
      let right = try parseAnd()
      left = Expr(kind: .binary(.or, left, right, at: symbol.range), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func parseAnd() throws(SyntaxError) -> Expr {
    var left = try parseNot()
    var levels = 0
    defer { depth -= levels }
    while current.isWord("and") {
      try deepen(&levels)
      let symbol = advance()
      skipNewlines()
      let right = try parseNot()
      left = Expr(kind: .binary(.and, left, right, at: symbol.range), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func parseNot() throws(SyntaxError) -> Expr {
    guard current.isWord("not") else { return try parseComparison() }
    let start = advance().range
    try enter()
    defer { leave() }
    let operand = try parseNot()
    return Expr(kind: .unary(.not, operand), range: start.union(operand.range))
  }

  /// The comparison a symbol stands for, if it is one.
  private static func comparison(_ symbol: String) -> BinaryOperator? {
    switch symbol {
    case "==": return .equal
    case "!=": return .notEqual
    case "<": return .less
    case "<=": return .lessOrEqual
    case ">": return .greater
    case ">=": return .greaterOrEqual
    case "=~": return .matches
    case "!~": return .notMatches
    default: return nil
    }
  }

  private mutating func parseComparison() throws(SyntaxError) -> Expr {
    let left = try parseAdditive()
    let op: BinaryOperator
    if case .symbol(let text) = current.kind, let comparison = Self.comparison(text) {
      op = comparison
    } else if current.isWord("in") {
      op = .in
    } else if current.isSymbol("=") {
      throw .misplaced("'=' assigns a variable; use '==' to compare", current.range)
    } else {
      return left
    }
    let symbol = advance()
    let right = try parseAdditive()
    return Expr(kind: .binary(op, left, right, at: symbol.range), range: left.range.union(right.range))
  }

  private mutating func parseAdditive() throws(SyntaxError) -> Expr {
    var left = try parseMultiplicative()
    var levels = 0
    defer { depth -= levels }
    while current.isSymbol("+") || current.isSymbol("-") {
      try deepen(&levels)
      let symbol = advance()
      let op: BinaryOperator = symbol.isSymbol("+") ? .add : .subtract
      let right = try parseMultiplicative()
      left = Expr(kind: .binary(op, left, right, at: symbol.range), range: left.range.union(right.range))
    }
    return left
  }

  private mutating func parseMultiplicative() throws(SyntaxError) -> Expr {
    var left = try parseUnary()
    var levels = 0
    defer { depth -= levels }
    while current.isSymbol("*") || current.isSymbol("/") || current.isSymbol("%") {
      try deepen(&levels)
      let symbol = advance()
      let op: BinaryOperator =
        symbol.isSymbol("*") ? .multiply : symbol.isSymbol("/") ? .divide : .remainder
      let right = try parseUnary()
      left = Expr(kind: .binary(op, left, right, at: symbol.range), range: left.range.union(right.range))
    }
    return left
  }

  mutating func parseUnary() throws(SyntaxError) -> Expr {
    guard current.isSymbol("-") else { return try parsePostfix(try parsePrimary()) }
    let start = advance().range
    try enter()
    defer { leave() }
    let operand = try parseUnary()
    if case .literal(.int(let value)) = operand.kind {
      return Expr(kind: .literal(.int(-value)), range: start.union(operand.range))
    }
    if case .literal(.float(let value)) = operand.kind {
      return Expr(kind: .literal(.float(-value)), range: start.union(operand.range))
    }
    return Expr(kind: .unary(.negate, operand), range: start.union(operand.range))
  }

  /// `.field` and `[index]` bind only when written without a space before them.
  mutating func parsePostfix(_ base: Expr) throws(SyntaxError) -> Expr {
    var expr = base
    var levels = 0
    defer { depth -= levels }
    while !current.spaceBefore {
      if current.isSymbol("."), case .word(let name) = peek(1).kind, !peek(1).spaceBefore {
        try deepen(&levels)
        _ = advance()
        let nameToken = advance()
        expr = Expr(kind: .member(expr, name), range: expr.range.union(nameToken.range))
      } else if current.isSymbol("."), case .int(let number) = peek(1).kind, !peek(1).spaceBefore {
        try deepen(&levels)
        _ = advance()
        let indexToken = advance()
        let index = Expr(kind: .literal(.int(number)), range: indexToken.range)
        expr = Expr(kind: .index(expr, index), range: expr.range.union(indexToken.range))
      } else if current.isSymbol("[") {
        try deepen(&levels)
        _ = advance()
        skipNewlines()
        let index = try parseExpression()
        skipNewlines()
        guard current.isSymbol("]") else { throw unexpected(expected: "']' after the index") }
        let close = advance()
        expr = Expr(kind: .index(expr, index), range: expr.range.union(close.range))
      } else {
        break
      }
    }
    return expr
  }

  mutating func parsePrimary() throws(SyntaxError) -> Expr {
    let token = current
    switch token.kind {
    case .int(let value):
      _ = advance()
      return Expr(kind: .literal(.int(value)), range: token.range)
    case .float(let value):
      _ = advance()
      return Expr(kind: .literal(.float(value)), range: token.range)
    case .duration(let seconds):
      _ = advance()
      return Expr(kind: .literal(.duration(seconds)), range: token.range)
    case .rawString(let text):
      _ = advance()
      return Expr(kind: .literal(.string(text)), range: token.range)
    case .string(let parts):
      _ = advance()
      return try interpolation(parts, range: token.range)
    case .variable(let name):
      _ = advance()
      return Expr(kind: .variable(name), range: token.range)
    case .word(let word):
      _ = advance()
      return Expr(kind: Self.wordExpression(word), range: token.range)
    case .symbol("("):
      return try parseSubexpression()
    case .symbol("["):
      return try parseList()
    case .symbol("{"):
      return try parseRecord()
    default:
      throw unexpected(expected: "a value")
    }
  }

  static func wordExpression(_ word: String) -> Expr.Kind {
    switch word {
    case "true": return .literal(.bool(true))
    case "false": return .literal(.bool(false))
    case "null": return .literal(.null)
    case "now": return .now
    default: return .field(word)
    }
  }

  mutating func parseSubexpression() throws(SyntaxError) -> Expr {
    let open = advance()
    try enter()
    defer { leave() }
    skipNewlines()
    if startsGroupedExpression() {
      let inner = try parseExpression()
      skipNewlines()
      if current.isSymbol(")") {
        let close = advance()
        return Expr(kind: inner.kind, range: open.range.union(close.range))
      }
      if atEnd { throw .unclosed("'('", opened: open.range, open.range) }
      throw unexpected(expected: "')'")
    }
    let pipeline = try parsePipelineAcrossLines()
    skipNewlines()
    guard current.isSymbol(")") else {
      if atEnd { throw .unclosed("'('", opened: open.range, open.range) }
      throw unexpected(expected: "')'")
    }
    let close = advance()
    return Expr(kind: .subexpression(pipeline), range: open.range.union(close.range))
  }

  /// `(actionId == 1000 or …)` groups an expression; `(sessions | count)` runs a pipeline.
  ///
  /// A word that names a command, or stands alone (`(f)`), starts a pipeline; one followed by an
  /// operator is a field in an expression.
  mutating func startsGroupedExpression() -> Bool {
    guard case .word(let word) = current.kind, !Self.expressionWords.contains(word) else { return false }
    if signatures(word) != nil { return false }
    let next = peek(1)
    if case .symbol(let symbol) = next.kind {
      return ["==", "!=", "<", "<=", ">", ">=", "=~", "!~", "+", "-", "*", "/", "%", "."].contains(symbol)
    }
    return next.isWord("and") || next.isWord("or") || next.isWord("in")
  }

  /// Inside brackets a pipeline may continue over line breaks.
  private mutating func parsePipelineAcrossLines() throws(SyntaxError) -> Pipeline {
    var pipeline = try parsePipeline()
    var levels = 0
    defer { depth -= levels }
    while true {
      var offset = 0
      while peek(offset).isNewline { offset += 1 }
      guard peek(offset).isSymbol("|") else { return pipeline }
      try deepen(&levels)
      skipNewlines()
      _ = advance()
      skipNewlines()
      guard case .word = current.kind else { throw unexpected(expected: "a command after '|'") }
      let stage = Stage.command(try parseCommand())
      pipeline.stages.append(stage)
      pipeline.range = pipeline.range.union(stage.range)
    }
  }

  mutating func parseList() throws(SyntaxError) -> Expr {
    let open = advance()
    try enter()
    defer { leave() }
    var items: [Expr] = []
    skipNewlines()
    while !current.isSymbol("]") {
      if atEnd { throw .unclosed("'['", opened: open.range, open.range) }
      items.append(try parseExpression())
      skipNewlines()
      if accept(symbol: ",") {
        skipNewlines()
      } else if !current.isSymbol("]") {
        if atEnd { throw .unclosed("'['", opened: open.range, open.range) }
        throw unexpected(expected: "',' or ']'")
      }
    }
    let close = advance()
    return Expr(kind: .list(items), range: open.range.union(close.range))
  }

  mutating func parseRecord() throws(SyntaxError) -> Expr {
    let open = advance()
    try enter()
    defer { leave() }
    var fields: [(key: String, value: Expr)] = []
    skipNewlines()
    while !current.isSymbol("}") {
      let key: String
      switch current.kind {
      case .word(let word): key = word
      case .rawString(let text): key = text
      case .string(let parts) where parts.allSatisfy({ if case .text = $0 { true } else { false } }):
        key = parts.map { if case .text(let text) = $0 { text } else { "" } }.joined()
      case .end: throw .unclosed("'{'", opened: open.range, open.range)
      default: throw unexpected(expected: "a field name")
      }
      _ = advance()
      try expect(symbol: ":", "':' after the field name")
      skipNewlines()
      fields.append((key, try parseExpression()))
      skipNewlines()
      if accept(symbol: ",") {
        skipNewlines()
      } else if !current.isSymbol("}") {
        if atEnd { throw .unclosed("'{'", opened: open.range, open.range) }
        throw unexpected(expected: "',' or '}'")
      }
    }
    let close = advance()
    return Expr(kind: .record(fields), range: open.range.union(close.range))
  }

  mutating func interpolation(_ parts: [StringPart], range: SourceRange) throws(SyntaxError) -> Expr {
    var pieces: [InterpolationPart] = []
    for part in parts {
      switch part {
      case .text(let text):
        pieces.append(.text(text))
      case .variable(let name, let variableRange):
        pieces.append(.expr(Expr(kind: .variable(name), range: variableRange)))
      case .expression(let inner):
        var nested = Parser(
          source: source, bytes: source.bytes[inner.start..<inner.end], base: inner.start,
          signatures: signatures)
        nested.depth = depth
        let pipeline = try nested.parsePipeline()
        // The whole interpolation is read, so that every lexical error in it is reported.
        nested.read(through: .max)
        for error in nested.allErrors { report(error) }
        var expr = Expr(kind: .subexpression(pipeline), range: pipeline.range)
        if pipeline.stages.count == 1, case .expression(let single) = pipeline.stages[0] { expr = single }
        guard nested.atEnd else { throw nested.unexpected(expected: "'}' closing the interpolation") }
        pieces.append(.expr(expr))
      }
    }
    if pieces.count <= 1, case .text(let text)? = pieces.first ?? .text("") {
      return Expr(kind: .literal(.string(text)), range: range)
    }
    return Expr(kind: .interpolation(pieces), range: range)
  }
}
