/// What a command receives when it runs.
public struct Invocation: Sendable {
  /// A condition or block argument, evaluated per row with `$it` bound to the row.
  public typealias RowFunction = @Sendable (Value) async throws -> Value

  /// The command's name as called.
  var name: String
  /// The value flowing in from the pipeline; null when there is none.
  public var input: Value
  /// The positional arguments' values, in order; null where a condition or block argument stands.
  public var positionals: [Value]
  /// The condition and block arguments, by positional index.
  var rowFunctions: [Int: RowFunction]
  /// The flags given, by name without the `--`; a switch given is `true`.
  public var flags: [String: Value]
  /// The session's settings when the command started.
  public var settings: Settings
  /// Where output goes and how to ask the user.
  public var host: any CommandHost
  /// The interpreter running the command, for commands that read or change session state.
  public var session: Interpreter

  /// Whether the switch `--name` is given and true.
  public func flag(_ name: String) -> Bool { flags[name]?.isTruthy ?? false }

  /// The positional argument at `index`, or nil when fewer were given.
  public func positional(_ index: Int) -> Value? {
    index < positionals.count ? positionals[index] : nil
  }

  /// The argument, or else the input flowing in (`sessions | revoke`), or a usage failure.
  public func positionalOrInput(_ index: Int, named name: String) throws -> Value {
    if let value = positional(index) { return value }
    guard input != .null else {
      throw CommandFailure(.usage, "'\(self.name)' needs \(name): as an argument or from a pipeline")
    }
    return input
  }

  /// The argument as an int, or a usage failure pointing at it.
  public func int(at index: Int, named name: String) throws -> Int? {
    guard let value = positional(index) else { return nil }
    guard let number = value.asInt else {
      throw CommandFailure(
        .usage, "\(name) must be an int, not \(value.typeName)", argument: .positional(index))
    }
    return number
  }

  /// The input as a list; null is the empty list, anything else (a record too) is refused.
  public func inputList() throws -> [Value] {
    switch input {
    case .list(let items): return items
    case .null: return []
    default:
      throw CommandFailure(.input, "'\(name)' needs a list as input, got \(input.typeName)")
    }
  }
}

/// What the evaluator needs from the world around it: where output goes, how to ask
/// the user, what the terminal is like.
public protocol CommandHost: Sendable {
  /// Writes program output (stdout).
  func write(_ text: String)
  /// Writes a message for the user (stderr): warnings, progress, traces.
  func inform(_ text: String)
  /// A top-level statement's non-null result, to be rendered.
  func show(_ value: Value, settings: Settings) async
  /// Asks a yes/no question; false when nobody can answer (scripts).
  func confirm(_ question: String) async -> Bool
  /// Asks for a secret without echo; nil when nobody can answer.
  func readSecret(_ prompt: String) async -> String?
  /// Shows how far a long job is (a progress bar on a terminal, nothing otherwise).
  func progress(done: Int, total: Int)
  /// The same, with a short note after the counts, e.g. `12 closed · rate-limited, waiting 1s`.
  func progress(done: Int, total: Int, note: String)
  /// Standard input, read to its end (`open -`), stopping once more than `limit` bytes have
  /// come (the caller sees the excess and refuses). Fails where there is no input to read,
  /// such as the REPL's terminal.
  func readStandardInput(limit: Int) async throws(CommandFailure) -> [UInt8]
  var isInteractive: Bool { get }
}

extension CommandHost {
  /// Hosts without a progress line of their own show the counts alone.
  public func progress(done: Int, total: Int, note: String) { progress(done: done, total: total) }

  /// Hosts without a standard input of their own have none to give.
  public func readStandardInput(limit: Int) async throws(CommandFailure) -> [UInt8] {
    throw CommandFailure(.input, "there is no standard input to read here", help: "give a file: open FILE")
  }
}
