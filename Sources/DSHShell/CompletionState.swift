import DSHLanguage

/// What completion knows about a session, taken once after each command so that
/// completing never waits on anything.
public struct CompletionState: Sendable {
  public struct Command: Sendable {
    public var name: String
    public var summary: String
    public var signature: Signature
    public var output: CommandSpec.Output

    public init(name: String, summary: String, signature: Signature, output: CommandSpec.Output) {
      self.name = name
      self.summary = summary
      self.signature = signature
      self.output = output
    }
  }

  public var commands: [Command] = []
  public var variables: [String: Schema] = [:]
  public var sessions: [(id: Int, description: String)] = []
  public var users: [(key: String, description: String)] = []

  public init() {}

  func command(_ name: String) -> Command? { commands.first { $0.name == name } }
}

extension Session {
  /// A snapshot for the completer.
  public func completionState() async -> CompletionState {
    var state = CompletionState()
    state.commands = interpreter.registry.all.map {
      .init(name: $0.name, summary: $0.summary, signature: $0.signature, output: $0.output)
    }
    for name in await interpreter.functionNames {
      state.commands.append(.init(name: name, summary: "defined with def", signature: Signature(), output: .unknown))
    }
    for (name, value) in await interpreter.variables { state.variables[name] = Schema.of(value) }
    state.sessions = await portal.knownSessions
    state.users = await portal.knownUsers
    return state
  }
}
