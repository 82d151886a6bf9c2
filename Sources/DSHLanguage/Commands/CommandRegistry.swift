/// Every command a session knows, by name.
public struct CommandRegistry: Sendable {
  private var commands: [String: CommandSpec] = [:]

  public init(_ specs: [CommandSpec] = []) {
    for spec in specs { register(spec) }
  }

  public mutating func register(_ spec: CommandSpec) { commands[spec.name] = spec }

  public subscript(name: String) -> CommandSpec? { commands[name] }

  public var names: [String] { commands.keys.sorted() }
  public var all: [CommandSpec] { commands.values.sorted { $0.name < $1.name } }

  /// The argument shapes the parser needs.
  public var signatures: @Sendable (String) -> Signature? {
    let table = commands.mapValues(\.signature)
    return { table[$0] }
  }
}
