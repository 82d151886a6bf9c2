import DSHLanguage

/// Completion as a pure function of the text before the cursor and a session snapshot.
public enum Completer {
  public struct Candidate: Sendable, Equatable {
    public var text: String
    public var description: String
  }

  public struct Result: Sendable, Equatable {
    /// How many characters before the cursor the candidates replace.
    public var replacing: Int
    public var candidates: [Candidate]
  }

  static let fieldCommands: Set<String> = ["where", "select", "sort", "get", "group"]

  public static func complete(_ before: String, state: CompletionState) -> Result {
    let stage = currentStage(before)
    let word = currentWord(stage)
    let words = stage.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    // The cursor is on the command name: nothing typed yet, or only the name so far.
    let atCommand = words.isEmpty || (words.count == 1 && word == words[0])
    var candidates: [Candidate]
    if word.hasPrefix("$") {
      candidates = variableCandidates(word, state: state)
    } else if atCommand {
      candidates = state.commands.map { Candidate(text: $0.name, description: $0.summary) }
    } else if word.hasPrefix("-") {
      let flags = state.command(words[0])?.signature.flags ?? []
      candidates = flags.map { Candidate(text: "--" + $0.name, description: $0.help) }
    } else {
      candidates = argumentCandidates(
        command: words[0], stageIndex: words.count - (word.isEmpty ? 0 : 1), before: before, state: state)
    }
    let matching = candidates.filter { word.isEmpty || ($0.text.hasPrefix(word) && $0.text != word) }
    return Result(replacing: word.count, candidates: matching.sorted { $0.text < $1.text })
  }

  /// The text after the last `|` that is outside strings and brackets.
  static func currentStage(_ text: String) -> String {
    var depth = 0
    var quote: Character?
    var start = text.startIndex
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if "([{".contains(character) {
        depth += 1
      } else if ")]}".contains(character) {
        depth = max(0, depth - 1)
      } else if character == "|" && depth == 0 {
        start = text.index(after: index)
      } else if (character == ";" || character == "\n") && depth == 0 {
        start = text.index(after: index)
      }
      index = text.index(after: index)
    }
    var stage = String(text[start...])
    while stage.first == " " { stage.removeFirst() }
    return stage
  }

  static func currentWord(_ stage: String) -> String {
    String(stage.reversed().prefix { !" \t(=<>!".contains($0) }.reversed())
  }

  static func variableCandidates(_ word: String, state: CompletionState) -> [Candidate] {
    if let dot = word.firstIndex(of: ".") {
      let name = String(word[word.index(after: word.startIndex)..<dot])
      let base = String(word[...dot])
      let fields = state.variables[name]?.fieldNames ?? []
      return fields.map { Candidate(text: base + $0, description: "field of $\(name)") }
    }
    var names = state.variables.keys.map { ($0, describe(state.variables[$0]!)) }
    names += [("env", "environment variables"), ("it", "the current row, inside a condition or block")]
    return names.map { Candidate(text: "$" + $0.0, description: $0.1) }
  }

  static func describe(_ schema: Schema) -> String {
    switch schema {
    case .list(let item): return "list of \(item.recordName ?? describe(item))"
    case .record(let name, _): return name
    case .scalar(let name): return name
    case .unknown: return "value"
    }
  }

  static func argumentCandidates(command: String, stageIndex: Int, before: String, state: CompletionState)
    -> [Candidate]
  {
    if fieldCommands.contains(command) {
      let schema = inputSchema(before, state: state)
      return (schema.fieldNames ?? []).map {
        Candidate(text: $0, description: "field of \(schema.recordName ?? "the rows")")
      }
    }
    switch command {
    case "revoke":
      return state.sessions.map { Candidate(text: String($0.id), description: $0.description) }
    case "revoke-user", "user":
      return state.users.map { Candidate(text: $0.key, description: $0.description) }
    case "help":
      return state.commands.map { Candidate(text: $0.name, description: $0.summary) }
    case "set" where stageIndex <= 1:
      return Settings.options.map { Candidate(text: $0.name, description: $0.values) }
    case "to":
      return ["json", "csv", "table"].map { Candidate(text: $0, description: "format") }
    default:
      return []
    }
  }

  /// The schema of what flows into the current stage, from the stages before it.
  static func inputSchema(_ before: String, state: CompletionState) -> Schema {
    let stages = splitStages(before)
    var schema = Schema.unknown
    for stage in stages.dropLast() {
      let words = stage.split(separator: " ").map(String.init)
      guard let first = words.first else { continue }
      if first.hasPrefix("$") {
        let name = String(first.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "_" })
        schema = state.variables[name] ?? .unknown
      } else if let command = state.command(first) {
        schema = command.output.schema(given: schema)
      } else {
        schema = .unknown
      }
    }
    return schema
  }

  static func splitStages(_ text: String) -> [String] {
    var stages: [String] = []
    var rest = text
    while true {
      let stage = currentStage(rest)
      stages.insert(stage, at: 0)
      let cut = rest.count - stage.count
      guard cut > 0 else { break }
      var prefix = String(rest.prefix(cut))
      while prefix.last == " " { prefix.removeLast() }
      guard prefix.last == "|" else { break }
      prefix.removeLast()
      rest = prefix
    }
    if let assignment = stages.first?.range(of: #"^\$[A-Za-z_][A-Za-z0-9_]*\s*=\s*"#, options: .regularExpression) {
      stages[0].removeSubrange(assignment)
    }
    return stages
  }
}
