/// Where the cursor stands in a line being typed, read from the language's own tokens:
/// what kind of word is being completed, the text typed of it so far, and the stages
/// whose output flows into its command.
public struct CompletionPoint: Sendable, Equatable {
  /// What kind of word the cursor is in, and for which command.
  public enum Slot: Sendable, Equatable {
    /// A command name, at the start of a stage, a block or a `( … )`.
    case command
    /// The positional argument `index` (0-based) of `command`.
    case argument(command: String, index: Int)
    /// A flag of `command`.
    case flag(command: String)
    /// The value of `command`'s flag `--flag`.
    case flagValue(command: String, flag: String)
    /// A variable name (`prefix` starts with `$`).
    case variable
    /// A field of `$variable` after `steps` (`$s[0].` is `s` with `[.index]`).
    case path(variable: String, steps: [PathStep])
    /// Inside a string, a comment, a list or an expression: nothing to offer.
    case nothing
  }

  /// One step of a variable path.
  public enum PathStep: Sendable, Equatable {
    case index
    case field(String)
  }

  /// The start of a stage, which says what it outputs.
  public enum StageHead: Sendable, Equatable {
    case command(String)
    case variable(String, [PathStep])
    case other
  }

  /// What kind of word is being completed.
  public var slot: Slot
  /// The text of the word before the cursor that candidates replace; empty after a blank.
  public var prefix: String
  /// The heads of the stages before the current one, in its pipeline, first to last.
  public var upstream: [StageHead]
  /// The positional arguments already typed for the current command, as written.
  public var arguments: [String]

  /// Reads `text` (everything before the cursor).
  ///
  /// `signature` tells, for a command name, which flags take a value and which parameter is a
  /// condition.
  public static func at(end text: String, signature: @escaping (String) -> Signature?) -> CompletionPoint {
    var reader = CompletionPointReader(text: text, signature: signature)
    return reader.read()
  }
}

/// The walk behind `CompletionPoint.at(end:signature:)`.
private struct CompletionPointReader {
  /// A bracket level: the stage being typed in it and the stage heads before it.
  struct Frame {
    var opener: String
    var stage: [Item] = []
    var upstream: [CompletionPoint.StageHead] = []
    /// After `if`, `while`, `for`, `return`: an expression, where commands do not start.
    var inExpression = false
  }

  /// A token, or a bracketed group already closed (one argument).
  enum Item {
    case token(Token)
    case group(spaceBefore: Bool)

    var spaceBefore: Bool {
      switch self {
      case .token(let token): return token.spaceBefore
      case .group(let spaceBefore): return spaceBefore
      }
    }
  }

  let text: String
  let bytes: [UInt8]
  let signature: (String) -> Signature?

  init(text: String, signature: @escaping (String) -> Signature?) {
    self.text = text
    self.bytes = Array(text.utf8)
    self.signature = signature
  }

  static let joiners: Set<String> = ["@", ".", "-", ":", "/", "+", "~", "%", "*", "?", "&", "^", "[", "]"]
  static let expressionKeywords: Set<String> = ["if", "while", "for", "return"]

  mutating func read() -> CompletionPoint {
    var lexer = Lexer(bytes: bytes[...])
    var tokens = lexer.tokenize()
    tokens.removeLast()
    let end = bytes.count
    if let last = tokens.last, last.range.end == end, Self.isString(last) {
      return point(.nothing, prefix: "")
    }
    let gapStart = tokens.last?.range.end ?? 0
    if bytes[gapStart..<end].contains(UInt8(ascii: "#")) { return point(.nothing, prefix: "") }
    let runStart = wordStart(tokens, end: end)
    let run = Array(tokens[runStart...])
    var frames = [Frame(opener: "")]
    for token in tokens[..<runStart] { step(token, &frames) }
    let frame = frames[frames.count - 1]
    let prefix = runStart < tokens.count ? slice(from: tokens[runStart].range.start) : ""
    if case .variable(let name)? = run.first?.kind {
      return variablePoint(name, run: run, frame: frame)
    }
    if frame.opener == "[" || frame.inExpression { return point(.nothing, prefix: prefix, frame: frame) }
    return commandPoint(frame, prefix: prefix)
  }

  /// Where the word before the cursor starts: the run of tokens written without blanks
  /// between them (`alice@example.com`, `$s[0].ip`), or `tokens.count` after a blank.
  func wordStart(_ tokens: [Token], end: Int) -> Int {
    guard let last = tokens.last, last.range.end == end, Self.isWordPart(last) else { return tokens.count }
    var start = tokens.count - 1
    while start > 0, !tokens[start].spaceBefore, Self.isWordPart(tokens[start - 1]) { start -= 1 }
    if case .variable = tokens[start].kind { return start }
    // Outside a variable path, `[` opens a list: the word starts after it.
    if let bracket = tokens[start...].lastIndex(where: { $0.isSymbol("[") || $0.isSymbol("]") }) {
      return bracket + 1 < tokens.count ? bracket + 1 : tokens.count
    }
    return start
  }

  static func isWordPart(_ token: Token) -> Bool {
    switch token.kind {
    case .word, .variable, .flag, .int, .float, .duration: return true
    case .symbol(let symbol): return joiners.contains(symbol)
    default: return false
    }
  }

  static func isString(_ token: Token) -> Bool {
    switch token.kind {
    case .string, .rawString: return true
    default: return false
    }
  }

  /// Follows one token before the word being completed through brackets and stages.
  func step(_ token: Token, _ frames: inout [Frame]) {
    let top = frames.count - 1
    switch token.kind {
    case .symbol("("), .symbol("{"), .symbol("["):
      if case .symbol(let opener) = token.kind { frames.append(Frame(opener: opener)) }
      frames[top].stage.append(.group(spaceBefore: token.spaceBefore))
    case .symbol(")"), .symbol("}"), .symbol("]"):
      if frames.count > 1 { frames.removeLast() }
    case .symbol("|"):
      frames[top].upstream.append(head(of: frames[top].stage))
      frames[top].stage = []
      frames[top].inExpression = false
    case .symbol(";"), .newline:
      frames[top] = Frame(opener: frames[top].opener)
    case .symbol("=") where isAssignmentTarget(frames[top].stage):
      frames[top] = Frame(opener: frames[top].opener)
    case .word("else") where frames[top].stage.isEmpty:
      break
    case .word(let keyword) where frames[top].stage.isEmpty && Self.expressionKeywords.contains(keyword):
      frames[top].stage.append(.token(token))
      frames[top].inExpression = true
    default:
      frames[top].stage.append(.token(token))
    }
  }

  /// `$x` or `$x.a[0]`, written without blanks: what `=` assigns to.
  func isAssignmentTarget(_ stage: [Item]) -> Bool {
    guard case .token(let first)? = stage.first, case .variable = first.kind else { return false }
    return stage.dropFirst().allSatisfy { !$0.spaceBefore }
  }

  func head(of stage: [Item]) -> CompletionPoint.StageHead {
    guard case .token(let first)? = stage.first else { return .other }
    switch first.kind {
    case .word(let name): return .command(name)
    case .variable(let name):
      let path = stage.dropFirst().prefix { !$0.spaceBefore }.compactMap { item -> Token? in
        if case .token(let token) = item { return token }
        return nil
      }
      return .variable(name, Self.steps(Array(path)).steps)
    default: return .other
    }
  }

  /// The steps of a path (`[0]`, `.name`), and the text after a final `.` (a field being typed).
  static func steps(_ tokens: [Token]) -> (steps: [CompletionPoint.PathStep], partial: String?) {
    var steps: [CompletionPoint.PathStep] = []
    var index = 0
    var partial: String?
    while index < tokens.count {
      let token = tokens[index]
      if token.isSymbol("[") {
        steps.append(.index)
        while index < tokens.count, !tokens[index].isSymbol("]") { index += 1 }
      } else if token.isSymbol(".") {
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        switch next?.kind {
        case .word(let name)?:
          if index + 2 == tokens.count { partial = name } else { steps.append(.field(name)) }
          index += 1
        case .int?:
          steps.append(.index)
          index += 1
        default:
          partial = ""
        }
      }
      index += 1
    }
    return (steps, partial)
  }

  func variablePoint(_ name: String, run: [Token], frame: Frame) -> CompletionPoint {
    let (steps, partial) = Self.steps(Array(run.dropFirst()))
    if let partial { return point(.path(variable: name, steps: steps), prefix: partial, frame: frame) }
    guard run.count == 1 else { return point(.nothing, prefix: "", frame: frame) }
    return point(.variable, prefix: "$" + name, frame: frame)
  }

  func commandPoint(_ frame: Frame, prefix: String) -> CompletionPoint {
    guard case .token(let first)? = frame.stage.first, case .word(let command) = first.kind else {
      return point(frame.stage.isEmpty ? .command : .nothing, prefix: prefix, frame: frame)
    }
    let shape = signature(command)
    var words: [[Item]] = []
    for item in frame.stage.dropFirst() {
      if item.spaceBefore || words.isEmpty { words.append([item]) } else { words[words.count - 1].append(item) }
    }
    var arguments: [String] = []
    var valueOf: String?
    var inCondition = false
    for word in words {
      if case .token(let token) = word[0], case .flag(let name) = token.kind, word.count == 1 {
        valueOf = shape?.flag(named: name)?.valueName == nil ? nil : name
        continue
      }
      if valueOf != nil {
        valueOf = nil
        continue
      }
      if shape?.parameter(at: arguments.count)?.shape == .condition { inCondition = true }
      if !inCondition { arguments.append(text(of: word)) }
    }
    var result: CompletionPoint.Slot
    if prefix.hasPrefix("-") {
      result = .flag(command: command)
    } else if let valueOf {
      result = .flagValue(command: command, flag: valueOf)
    } else {
      result = .argument(command: command, index: arguments.count)
    }
    var found = point(result, prefix: prefix, frame: frame)
    found.arguments = arguments
    return found
  }

  func text(of word: [Item]) -> String {
    let tokens = word.compactMap { item -> Token? in
      if case .token(let token) = item { return token }
      return nil
    }
    guard let first = tokens.first, let last = tokens.last else { return "" }
    return String(decoding: bytes[first.range.start..<last.range.end], as: UTF8.self)
  }

  func slice(from start: Int) -> String { String(decoding: bytes[start...], as: UTF8.self) }

  func point(_ slot: CompletionPoint.Slot, prefix: String, frame: Frame? = nil) -> CompletionPoint {
    CompletionPoint(slot: slot, prefix: prefix, upstream: frame?.upstream ?? [], arguments: [])
  }
}
