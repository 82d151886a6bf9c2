/// What the checker knows before a program runs: the commands, and the session's state
/// (its `def`s, variables and settings), so that the REPL and scripts agree.
public struct CheckContext: Sendable {
  /// The commands a program may call, with their signatures and value checks.
  public var registry: CommandRegistry
  /// Functions defined by earlier entries or files, with their parameters.
  public var functions: [String: [FunctionParameter]]
  /// Variables that exist before the program runs, with what is known of their shape.
  public var variables: [String: Schema]
  /// The REPL asks before ending many sessions; scripts must say so (`--yes`, …).
  public var interactive: Bool
  /// The session's settings when the program starts; `set` in the program changes them.
  public var settings: Settings

  /// A context for `registry`; a fresh session has no functions or variables and is not interactive.
  public init(
    registry: CommandRegistry, functions: [String: [FunctionParameter]] = [:],
    variables: [String: Schema] = [:], interactive: Bool = false, settings: Settings = Settings()
  ) {
    self.registry = registry
    self.functions = functions
    self.variables = variables
    self.interactive = interactive
    self.settings = settings
  }

  /// The variables every program has: `$args`, `$env`, `$last`, `$script`.
  public static let builtinVariables: [String: Schema] = [
    "args": .list(.scalar("string")), "env": .unknown, "last": .unknown, "script": .unknown,
  ]
}

/// What a check found: errors stop a program before it runs; warnings are only shown by
/// `dsh check`.
public struct CheckFindings: Sendable {
  /// What stops the program from running, each with the range it is about.
  public var errors: [RuntimeFailure] = []
  /// What `dsh check` shows besides the errors (a `run` does not).
  public var warnings: [Diagnostic] = []

  /// The errors as diagnostics, ready to render.
  public var diagnostics: [Diagnostic] { errors.map(\.diagnostic) }
}
