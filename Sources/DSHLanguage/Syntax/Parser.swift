/// Reads tokens into a `Program`.
///
/// Reports every syntax error it can find in one go, resynchronising at the next statement after
/// each one.
public struct Parser {
  /// How deeply expressions, blocks and chains (`1+1+…`, `.a.a…`, `a | b | …`) may nest.
  ///
  /// Every later walk over the tree (evaluation, `dsh check`, freeing it) recurses once per level,
  /// on task threads whose stacks may be as small as 512 KB.
  public static let maximumDepth = 256
  /// Past this many syntax errors the parser stops: the rest would be noise.
  public static let maximumErrors = 100

  let source: Source
  let signatures: @Sendable (String) -> Signature?
  /// Reads the tokens as the parser needs them: a source is never held as tokens whole.
  var lexer: Lexer
  /// The tokens read and still looked at: at the top level, from the one before the current
  /// statement on.
  var tokens: [Token] = []
  var position = 0
  var depth = 0
  /// The parser's own errors; the lexer keeps the lexical ones.
  var errors: [SyntaxError] = []
  /// Set when parsing gave up (too deep, too many errors): nothing more is reported.
  var stopped = false
  var outline = Outline()
  /// Where the statement being read sits, for the outline: inside how many blocks, how many defs,
  /// how many block arguments.
  var blockDepth = 0
  var defDepth = 0
  var blockArgumentDepth = 0

  /// Parses `source`; `signatures` tells how each command's arguments are shaped.
  public static func parse(
    _ source: Source, signatures: @escaping @Sendable (String) -> Signature? = { _ in nil }
  ) -> Result<Program, SyntaxErrors> {
    var parser = Parser(source: source, bytes: source.bytes[...], base: 0, signatures: signatures)
    var statements = parser.parseStatements(until: nil)
    // Calls may come before their `def`, and a def's flags decide how a call's arguments
    // read (`f --days 3`): a second pass knows every def of the source.
    let local = parser.outline.signatures
    if !local.isEmpty {
      let outer = signatures
      parser = Parser(source: source, bytes: source.bytes[...], base: 0) { outer($0) ?? local[$0] }
      statements = parser.parseStatements(until: nil)
    }
    let errors = parser.allErrors
    if errors.isEmpty {
      return .success(Program(statements: statements, source: source, outline: parser.outline))
    }
    var seen = Set<Int>()
    let ordered = errors.sorted { $0.range.start < $1.range.start }.filter {
      seen.insert($0.range.start).inserted
    }
    return .failure(SyntaxErrors(errors: ordered, source: source))
  }

  init(
    source: Source, bytes: ArraySlice<UInt8>, base: Int,
    signatures: @escaping @Sendable (String) -> Signature?
  ) {
    self.lexer = Lexer(bytes: bytes, base: base)
    self.source = source
    self.signatures = signatures
    read(through: 0)
  }

  /// The lexical errors and the parser's, lexical first.
  var allErrors: [SyntaxError] { lexer.errors + errors }

  /// Records an error, and gives up once there are too many.
  mutating func report(_ error: SyntaxError) {
    guard !stopped else { return }
    errors.append(error)
    if case .nestedTooDeeply = error {
      stop(at: nil)
    } else if lexer.errors.count + errors.count >= Self.maximumErrors {
      stop(at: error.range)
    }
  }

  /// Skips to the end; with `range`, says that parsing stopped there.
  mutating func stop(at range: SourceRange?) {
    if let range { errors.append(.tooManyErrors(SourceRange(range.end, range.end))) }
    stopped = true
    lexer.skipToEnd()
    if tokens.last?.isEnd != true { tokens.append(lexer.nextToken()) }
    position = tokens.count - 1
  }

  /// Lexes tokens until the one at `index` or the end is read; gives up once the errors are too many.
  mutating func read(through index: Int) {
    while tokens.count <= index, tokens.last?.isEnd != true {
      let reported = lexer.errors.count
      tokens.append(lexer.nextToken())
      if !stopped, lexer.errors.count > reported, lexer.errors.count + errors.count >= Self.maximumErrors {
        stop(at: lexer.errors[lexer.errors.count - 1].range)
      }
    }
  }

  /// Forgets the tokens before the previous one: between top-level statements nothing looks
  /// further back.
  mutating func forgetReadTokens() {
    guard position > 1 else { return }
    tokens.removeFirst(position - 1)
    position = 1
  }

  // MARK: Token access

  var current: Token { tokens[position] }
  var previous: Token { tokens[max(0, position - 1)] }
  var atEnd: Bool { current.isEnd }

  mutating func peek(_ offset: Int) -> Token {
    read(through: position + offset)
    return tokens[min(position + offset, tokens.count - 1)]
  }

  mutating func advance() -> Token {
    let token = tokens[position]
    if !token.isEnd {
      position += 1
      read(through: position)
    }
    return token
  }

  mutating func accept(symbol: String) -> Bool {
    guard current.isSymbol(symbol) else { return false }
    _ = advance()
    return true
  }

  mutating func expect(symbol: String, _ what: String) throws(SyntaxError) {
    guard accept(symbol: symbol) else { throw unexpected(expected: what) }
  }

  mutating func skipNewlines() {
    while current.isNewline { _ = advance() }
  }

  /// After `30 days` it says how a duration is written.
  func unexpected(expected: String) -> SyntaxError {
    if case .int(let number) = previous.kind, case .word(let word) = current.kind,
      let unit = Lexer.unitWords[word]
    {
      return .unexpected(
        found: describe(current), expected: "\(expected) (a duration has no space: \(number)\(unit))", current.range)
    }
    return .unexpected(found: describe(current), expected: expected, current.range)
  }

  func describe(_ token: Token) -> String {
    switch token.kind {
    case .end: return "end of input"
    case .newline: return "end of line"
    default: return "'\(source.slice(token.range))'"
    }
  }

  mutating func enter() throws(SyntaxError) {
    depth += 1
    if depth > Self.maximumDepth { throw .nestedTooDeeply(current.range) }
  }

  mutating func leave() { depth -= 1 }

  /// Counts one more level of a tree a loop builds: a left-deep chain (`1+1+…`, `.a.a…`) nests as
  /// deeply as brackets do.
  ///
  /// The caller undoes `levels` when the loop is done.
  mutating func deepen(_ levels: inout Int) throws(SyntaxError) {
    try enter()
    levels += 1
  }

  // MARK: Statements

  /// Parses statements until `closer` (a `}`) or the end, recovering from errors.
  mutating func parseStatements(until closer: String?) -> [Statement] {
    var statements: [Statement] = []
    while true {
      if closer == nil && depth == 0 { forgetReadTokens() }
      while current.isNewline || current.isSymbol(";") { _ = advance() }
      if atEnd { return statements }
      if let closer, current.isSymbol(closer) { return statements }
      do throws(SyntaxError) {
        statements.append(try parseStatement())
        guard
          atEnd || current.isNewline || current.isSymbol(";")
            || (closer.map({ current.isSymbol($0) }) ?? false)
        else { throw unexpected(expected: "end of statement") }
      } catch {
        report(error)
        if stopped { return statements }
        recover(closer: closer)
      }
    }
  }

  /// Skips to the end of the broken statement, keeping brackets balanced.
  mutating func recover(closer: String?) {
    var nesting = 0
    while !atEnd {
      if nesting == 0, current.isNewline || current.isSymbol(";") { return }
      if nesting == 0, let closer, current.isSymbol(closer) { return }
      if current.isSymbol("(") || current.isSymbol("[") || current.isSymbol("{") { nesting += 1 }
      if current.isSymbol(")") || current.isSymbol("]") || current.isSymbol("}") {
        nesting = max(0, nesting - 1)
      }
      _ = advance()
    }
  }

  mutating func parseStatement() throws(SyntaxError) -> Statement {
    let start = current.range
    if let target = assignmentTarget() {
      _ = advance()
      skipNewlines()
      let pipeline = try parsePipeline()
      noteGlobal(target.name)
      return Statement(kind: .assign(target, pipeline), range: start.union(pipeline.range))
    }
    if case .word(let word) = current.kind, let statement = try parseKeywordStatement(word) {
      return statement
    }
    let pipeline = try parsePipeline()
    return Statement(kind: .pipeline(pipeline), range: pipeline.range)
  }

  /// `$x`, `$r.field` or `$l[i].name` followed by `=`: then the parser stands on the `=`.
  ///
  /// Otherwise nothing is consumed.
  mutating func assignmentTarget() -> AssignmentTarget? {
    guard case .variable(let name) = current.kind else { return nil }
    let saved = (position, depth, errors.count)
    let variable = Expr(kind: .variable(name), range: advance().range)
    if let place = try? parsePostfix(variable), current.isSymbol("="), let path = Self.path(of: place) {
      return AssignmentTarget(name: name, path: path, range: place.range)
    }
    (position, depth) = (saved.0, saved.1)
    errors.removeLast(errors.count - saved.2)
    return nil
  }

  /// The steps from a variable to a place in it, or nil when `expr` is not such a path.
  static func path(of expr: Expr) -> [AssignmentTarget.Step]? {
    switch expr.kind {
    case .variable: return []
    case .member(let base, let name): return path(of: base).map { $0 + [.field(name)] }
    case .index(let base, let index): return path(of: base).map { $0 + [.index(index)] }
    default: return nil
    }
  }

  mutating func parseKeywordStatement(_ word: String) throws(SyntaxError) -> Statement? {
    let start = current.range
    switch word {
    case "if": return try parseIf()
    case "for":
      _ = advance()
      guard case .variable(let name) = current.kind else {
        throw unexpected(expected: "a loop variable like $x")
      }
      _ = advance()
      guard current.isWord("in") else { throw unexpected(expected: "'in'") }
      _ = advance()
      let sequence = try parseExpression()
      noteGlobal(name)
      let body = try parseBlock()
      return Statement(
        kind: .forIn(variable: name, sequence: sequence, body: body), range: start.union(body.range))
    case "while":
      _ = advance()
      let condition = try parseExpression()
      let body = try parseBlock()
      return Statement(kind: .whileLoop(condition: condition, body: body), range: start.union(body.range))
    case "def": return try parseDef()
    case "return":
      _ = advance()
      let value = endsStatement ? nil : try parseExpression()
      return Statement(kind: .return(value), range: start.union(value?.range ?? start))
    case "break", "continue":
      _ = advance()
      return Statement(kind: word == "break" ? .break : .continue, range: start)
    case "try":
      _ = advance()
      let body = try parseBlock()
      skipNewlines()
      guard current.isWord("catch") else { throw unexpected(expected: "'catch' after the try block") }
      _ = advance()
      let handler = try parseBlock()
      noteGlobal("error")
      return Statement(kind: .tryCatch(body: body, handler: handler), range: start.union(handler.range))
    case "source":
      _ = advance()
      let path = try parseArgumentValue()
      noteSource(path)
      return Statement(kind: .source(path), range: start.union(path.range))
    case "exit":
      _ = advance()
      let code = endsStatement ? nil : try parseExpression()
      return Statement(kind: .exit(code), range: start.union(code?.range ?? start))
    case "explain":
      _ = advance()
      let pipeline = try parsePipeline()
      return Statement(kind: .explain(pipeline), range: start.union(pipeline.range))
    case "else", "catch":
      throw .misplaced("'\(word)' without a matching '\(word == "else" ? "if" : "try")'", start)
    default:
      return nil
    }
  }

  var endsStatement: Bool {
    atEnd || current.isNewline || current.isSymbol(";") || current.isSymbol("}")
  }

  mutating func parseIf() throws(SyntaxError) -> Statement {
    let start = current.range
    var branches: [(condition: Expr, body: Block)] = []
    var otherwise: Block?
    _ = advance()
    branches.append((try parseExpression(), try parseBlock()))
    while lookaheadElse() {
      skipNewlines()
      _ = advance()
      if current.isWord("if") {
        _ = advance()
        branches.append((try parseExpression(), try parseBlock()))
      } else {
        otherwise = try parseBlock()
        break
      }
    }
    let end = otherwise?.range ?? branches.last?.body.range ?? start
    return Statement(kind: .ifElse(branches: branches, otherwise: otherwise), range: start.union(end))
  }

  /// `else` may sit on the line after the closing brace.
  mutating func lookaheadElse() -> Bool {
    var offset = 0
    while peek(offset).isNewline { offset += 1 }
    return peek(offset).isWord("else")
  }

  mutating func parseDef() throws(SyntaxError) -> Statement {
    let start = current.range
    _ = advance()
    guard case .word(let name) = current.kind else { throw unexpected(expected: "a command name") }
    _ = advance()
    var parameters: [FunctionParameter] = []
    try expect(symbol: "[", "'[' and the parameter names")
    skipNewlines()
    while !current.isSymbol("]") {
      let token = current
      var parameter: FunctionParameter
      switch token.kind {
      case .word(let name), .variable(let name):
        parameter = FunctionParameter(name: name, isFlag: false, defaultValue: nil, range: token.range)
      case .flag(let name):
        parameter = FunctionParameter(name: name, isFlag: true, defaultValue: nil, range: token.range)
      default:
        throw unexpected(expected: "a parameter name, a --flag or ']'")
      }
      _ = advance()
      if accept(symbol: "=") {
        let value = try parseArgumentValue()
        parameter.defaultValue = value
        parameter.range = parameter.range.union(value.range)
      }
      if parameters.contains(where: { $0.name == parameter.name }) {
        throw .misplaced("parameter '\(parameter.name)' is declared twice", parameter.range)
      }
      parameters.append(parameter)
      skipNewlines()
      if !accept(symbol: ",") { break }
      skipNewlines()
    }
    try expect(symbol: "]", "']' after the parameters")
    noteDef(name, parameters)
    defDepth += 1
    defer { defDepth -= 1 }
    let body = try parseBlock()
    return Statement(
      kind: .def(name: name, parameters: parameters, body: body), range: start.union(body.range))
  }

  mutating func parseBlock() throws(SyntaxError) -> Block {
    guard current.isSymbol("{") else { throw unexpected(expected: "'{'") }
    let open = advance()
    try enter()
    blockDepth += 1
    defer {
      leave()
      blockDepth -= 1
    }
    let statements = parseStatements(until: "}")
    guard current.isSymbol("}") else { throw .unclosed("'{'", opened: open.range, open.range) }
    let close = advance()
    return Block(statements: statements, range: open.range.union(close.range))
  }

  // MARK: Pipelines

  mutating func parsePipeline() throws(SyntaxError) -> Pipeline {
    var stages = [try parseFirstStage()]
    var levels = 0
    defer { depth -= levels }
    while accept(symbol: "|") {
      try deepen(&levels)
      skipNewlines()
      guard case .word = current.kind else { throw unexpected(expected: "a command after '|'") }
      stages.append(.command(try parseCommand()))
    }
    let range = stages[0].range.union(stages[stages.count - 1].range)
    return Pipeline(stages: stages, range: range)
  }

  mutating func parseFirstStage() throws(SyntaxError) -> Stage {
    if case .word(let word) = current.kind, !Self.expressionWords.contains(word) {
      return .command(try parseCommand())
    }
    if endsStatement || current.isSymbol("|") { throw unexpected(expected: "a command or a value") }
    return .expression(try parseExpression())
  }

  static let expressionWords: Set<String> = ["true", "false", "null", "now", "not"]

  // MARK: The outline

  var notesOutline: Bool { blockArgumentDepth == 0 }

  mutating func noteGlobal(_ name: String) {
    if notesOutline && defDepth == 0 { outline.globals.insert(name) }
  }

  mutating func noteDef(_ name: String, _ parameters: [FunctionParameter]) {
    guard notesOutline else { return }
    outline.signatures[name] = FunctionParameter.signature(of: parameters)
    if blockDepth == 0 { outline.declarations.append(.def(name: name, parameters: parameters)) }
  }

  mutating func noteSource(_ path: Expr) {
    guard notesOutline else { return }
    guard case .literal(.string(let text)) = path.kind else {
      outline.hasComputedSource = true
      return
    }
    outline.declarations.append(
      .source(path: text, range: path.range, insideDef: defDepth > 0, topLevel: blockDepth == 0))
  }
}

/// Every syntax error of one source.
public struct SyntaxErrors: Error, Sendable {
  /// The errors in source order, at most `Parser.maximumErrors` of them and a note that it stopped.
  public var errors: [SyntaxError]
  /// The source they were found in, for rendering them.
  public var source: Source
}
