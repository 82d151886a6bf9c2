import DSHLanguage
import Foundation

/// Completion as a pure function of the text before the cursor and a session snapshot.
///
/// The language's tokens say where the cursor is (`CompletionPoint`); the command model says what
/// each parameter takes (`CompletionSource`).
public enum Completer {
  /// One thing Tab can insert, with a short note shown beside it in the list.
  public struct Candidate: Sendable, Equatable {
    /// The text that replaces the word before the cursor.
    public var text: String
    /// What the candidate is (a command's summary, "field of $x", an email's owner); may be empty.
    public var description: String
  }

  /// What one Tab offers at the cursor.
  public struct Result: Sendable, Equatable {
    /// How many characters before the cursor the candidates replace.
    public var replacing: Int
    /// The candidates whose text starts with the word typed, sorted by text.
    public var candidates: [Candidate]
    /// The portal sources the candidates came from: a Tab may fetch them (`isFetched`).
    public var sources: Set<CompletionSource> = []
  }

  /// The candidates for the cursor at the end of `before`, taken from `state` without waiting.
  public static func complete(_ before: String, state: CompletionState) -> Result {
    let point = CompletionPoint.at(end: before, signature: state.signature)
    var sources: Set<CompletionSource> = []
    let candidates: [Candidate]
    switch point.slot {
    case .command:
      candidates = commandCandidates(state)
    case .variable:
      candidates = variableCandidates(state)
    case .path(let variable, let steps):
      let schema = steps.reduce(state.variables[variable] ?? .unknown, follow)
      candidates = (schema.fieldNames ?? []).map { Candidate(text: $0, description: "field of $\(variable)") }
    case .flag(let command):
      candidates = (state.signature(command)?.flags ?? []).map { Candidate(text: "--" + $0.name, description: $0.help) }
    case .flagValue(let command, let flag):
      let source = state.signature(command)?.flag(named: flag)?.completionSource
      candidates = source.map { candidatesFrom($0, point: point, state: state) } ?? []
      sources = source.map { [$0] } ?? []
    case .argument(let command, let index):
      let source = state.signature(command)?.parameter(at: index)?.completionSource
      candidates = source.map { candidatesFrom($0, point: point, state: state) } ?? []
      sources = source.map { [$0] } ?? []
    case .nothing:
      candidates = []
    }
    let word = point.prefix
    let matching = candidates.filter { word.isEmpty || ($0.text.hasPrefix(word) && $0.text != word) }
    return Result(
      replacing: word.count, candidates: matching.sorted { $0.text < $1.text }, sources: sources.filter(\.isFetched))
  }

  static func commandCandidates(_ state: CompletionState) -> [Candidate] {
    state.commands.map { Candidate(text: $0.name, description: $0.summary) }
      + state.functions.keys.map { Candidate(text: $0, description: "defined with def") }
  }

  static func variableCandidates(_ state: CompletionState) -> [Candidate] {
    var names = state.variables.map { ($0.key, describe($0.value)) }
    names += [("env", "environment variables"), ("it", "the current row, inside a condition or block")]
    return names.map { Candidate(text: "$" + $0.0, description: $0.1) }
  }

  /// One step along a variable path: `[i]` takes a list's item; a field's shape is not known.
  static func follow(_ schema: Schema, _ step: CompletionPoint.PathStep) -> Schema {
    switch (schema, step) {
    case (.list(let item), .index): return item
    default: return .unknown
    }
  }

  static func describe(_ schema: Schema) -> String {
    switch schema {
    case .list(let item): return "list of \(item.recordName ?? describe(item))"
    case .record(let name, _): return name
    case .scalar(let name): return name
    case .unknown: return "value"
    }
  }

  static func candidatesFrom(_ source: CompletionSource, point: CompletionPoint, state: CompletionState)
    -> [Candidate]
  {
    switch source {
    case .fields:
      let schema = inputSchema(point.upstream, state: state)
      return (schema.fieldNames ?? []).map {
        Candidate(text: $0, description: "field of \(schema.recordName ?? "the rows")")
      }
    case .commands:
      return commandCandidates(state)
    case .settingNames:
      return Settings.options.map { Candidate(text: $0.name, description: $0.values) }
    case .settingValues:
      guard let name = point.arguments.first, let option = Settings.options.first(where: { $0.name == name }) else {
        return []
      }
      return settingWords(option.values).map { Candidate(text: $0, description: name) }
    case .values(let words):
      return words.map { Candidate(text: $0, description: "") }
    case .files:
      return FileCandidates.matching(point.prefix, in: state.directory)
    case .connectionIds:
      return state.sessions.map { Candidate(text: $0.text, description: $0.description) }
    case .people:
      return state.users.map { Candidate(text: $0.text, description: $0.description) }
    case .profiles:
      return state.profiles.map { Candidate(text: $0, description: "profile") }
    }
  }

  /// The plain words of a setting's values: `table|json|csv` gives three; `1-64` gives none.
  static func settingWords(_ values: String) -> [String] {
    values.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0 == "-" }
    }
  }

  /// The schema of what flows into the current stage, from the stages before it.
  static func inputSchema(_ upstream: [CompletionPoint.StageHead], state: CompletionState) -> Schema {
    upstream.reduce(Schema.unknown) { schema, head in
      switch head {
      case .variable(let name, let steps): return steps.reduce(state.variables[name] ?? .unknown, follow)
      case .command(let name): return state.command(name)?.output.schema(given: schema) ?? .unknown
      case .other: return .unknown
      }
    }
  }
}
