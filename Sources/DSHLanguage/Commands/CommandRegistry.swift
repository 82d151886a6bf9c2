/// Every command a session knows, by name.
public struct CommandRegistry: Sendable {
  private var commands: [String: CommandSpec] = [:]

  /// A registry of `specs`; of two with one name, the later wins.
  public init(_ specs: [CommandSpec] = []) {
    for spec in specs { register(spec) }
  }

  /// Adds `spec`, replacing any command of the same name.
  public mutating func register(_ spec: CommandSpec) { commands[spec.name] = spec }

  /// The command called `name`, if there is one.
  public subscript(name: String) -> CommandSpec? { commands[name] }

  /// Every command name, sorted.
  public var names: [String] { commands.keys.sorted() }
  /// Every command, sorted by name.
  public var all: [CommandSpec] { commands.values.sorted { $0.name < $1.name } }

  /// The argument shapes the parser needs.
  public var signatures: @Sendable (String) -> Signature? {
    let table = commands.mapValues(\.signature)
    return { table[$0] }
  }
}
