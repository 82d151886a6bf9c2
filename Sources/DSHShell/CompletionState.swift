import DSHLanguage
import DocSpaceVerbs
import Foundation

/// What completion knows about a session, taken after each command (and refreshed when a
/// Tab's fetch from the portal finishes), so that completing never waits on anything.
public struct CompletionState: Sendable {
  /// A word the portal taught: a connection id or an email, with what it is.
  public struct Known: Sendable, Equatable {
    /// The word Tab inserts (the id or the email).
    public var text: String
    /// What it names, shown beside it in the Tab list (whose connection, or which person).
    public var description: String

    /// A word and what it names.
    public init(_ text: String, _ description: String) {
      self.text = text
      self.description = description
    }
  }

  /// The commands of the session's registry, for command names, flags and parameters.
  public var commands: [CommandSpec] = []
  /// The session's `def`s and their shapes.
  public var functions: [String: Signature] = [:]
  /// The shapes of the session's variables, for `$name` and `$name.field`.
  public var variables: [String: Schema] = [:]
  /// Connection ids the portal has shown this session.
  public var sessions: [Known] = []
  /// Emails and user names the portal has shown this session.
  public var users: [Known] = []
  /// The configured profile names, for `connect --profile`.
  public var profiles: [String] = []
  /// Where relative paths start, for completing file names.
  public var directory = FileManager.default.currentDirectoryPath

  /// An empty snapshot: no commands, variables or portal words.
  public init() {}

  func command(_ name: String) -> CommandSpec? { commands.first { $0.name == name } }

  func signature(_ name: String) -> Signature? { command(name)?.signature ?? functions[name] }

  /// Takes what the portal connection has learned (results, fetches) since the last snapshot.
  public mutating func update(from portal: PortalConnection.Known) {
    sessions = portal.sessions.map { Known(String($0.id), $0.description) }
    users = portal.users.map { Known($0.key, $0.description) }
  }
}

extension Session {
  /// A snapshot for the completer.
  public func completionState() async -> CompletionState {
    var state = CompletionState()
    state.commands = interpreter.registry.all
    state.functions = await interpreter.functionSignatures
    for (name, value) in await interpreter.variables { state.variables[name] = Schema.of(value) }
    state.update(from: await portal.known)
    state.profiles = Profiles(environment: environment).all().map(\.name)
    return state
  }

  /// For a Tab whose candidates come from the portal: starts fetching `sources` (unless fetched
  /// lately) and waits at most `patience` for it, so typing never stalls on a slow portal.
  ///
  /// Returns what the connection knows then, fetched or not; the fetch goes on, and a later Tab
  /// offers what it found.
  public func completionFetch(_ sources: Set<CompletionSource>, patience: Duration) -> PortalConnection.Known? {
    let portal = self.portal
    let fetched = BlockingBridge.value(within: patience) {
      await portal.fetchForCompletion(sources)
      return await portal.known
    }
    return fetched ?? BlockingBridge.value(within: .milliseconds(20)) { await portal.known }
  }
}
