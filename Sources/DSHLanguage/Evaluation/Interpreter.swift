import Foundation

/// Runs parsed programs and holds one session's state: variables, definitions,
/// settings. An actor so that commands may call back into it (conditions, blocks)
/// while it waits for them.
public actor Interpreter {
  /// How deeply `def` calls and `source` may nest, together.
  public static let maximumCallDepth = 200

  /// The built-in commands and verbs this session can call.
  public nonisolated let registry: CommandRegistry
  let host: any CommandHost
  /// The session's settings as `set` last left them.
  public private(set) var settings: Settings
  /// Frame 0 holds the globals; a `def` call pushes a frame.
  var frames: [[String: Value]] = [[:]]
  var functions: [String: FunctionDefinition] = [:]
  var callDepth = 0
  /// The source whose statements are running, for blocks and definitions made in them.
  var currentSource = Source(name: "<none>", text: "")
  var environment: [String: String]
  /// The REPL entries that ran without an error, as typed (`export dsh` saves them).
  public private(set) var transcript: [String] = []

  /// A session with no variables or definitions yet; `$args` holds `arguments` and `$env` reads
  /// `environment`.
  public init(
    registry: CommandRegistry, host: any CommandHost, settings: Settings = Settings(),
    arguments: [String] = [], environment: [String: String] = [:]
  ) {
    self.registry = registry
    self.host = host
    self.settings = settings
    self.environment = environment
    frames[0]["args"] = .list(arguments.map(Value.string))
    frames[0]["script"] = .null
  }

  /// Runs a whole program.
  ///
  /// Top-level results are shown through the host.
  public func run(_ program: Program) async throws(RuntimeFailure) -> RunResult {
    // Room for the program's globals at once: a script of many distinct names would
    // otherwise rehash them all each time the table doubles.
    frames[0].reserveCapacity(frames[0].count + program.outline.globals.count)
    do {
      defineFunctions(program.statements, source: program.source)
      _ = try await execute(program.statements, source: program.source, showResults: true)
      return .completed
    } catch let flow as ControlFlow {
      switch flow {
      case .exit(let code): return .exited(code)
      case .breakLoop(let range):
        throw RuntimeFailure(error: .controlOutsideLoop("break", range), source: program.source)
      case .continueLoop(let range):
        throw RuntimeFailure(error: .controlOutsideLoop("continue", range), source: program.source)
      case .returnValue: return .completed
      }
    } catch let failure as RuntimeFailure {
      throw failure
    } catch let error as RuntimeError {
      throw RuntimeFailure(error: error, source: program.source)
    } catch {
      let range = program.statements.first?.range ?? SourceRange(0, 0)
      throw RuntimeFailure(error: .interrupted(range), source: program.source)
    }
  }

  // MARK: State the shell reads and changes

  /// Keeps a REPL entry that ran without an error; the REPL leaves out entries with a secret.
  public func record(entry: String) { transcript.append(entry) }

  /// The global variables, by name without the `$`.
  public var variables: [String: Value] { frames[0] }
  /// The shape of each `def` in this session, by name, for completion.
  public var functionSignatures: [String: Signature] { functions.mapValues(\.signature) }

  /// Sets the global variable `name` (without the `$`), as a top-level assignment does.
  public func setVariable(_ name: String, _ value: Value) { frames[0][name] = value }

  /// Changes the settings in place, as `set` does.
  func update(_ change: @Sendable (inout Settings) -> Void) { change(&settings) }

  /// Parses `text` with this session's command shapes.
  public func parse(_ source: Source) -> Result<Program, SyntaxErrors> {
    let table = registry.signatures
    let defined = functions.mapValues(\.signature)
    return Parser.parse(source) { name in table(name) ?? defined[name] }
  }

  // MARK: Variables

  func lookup(_ name: String, row: Value?, range: SourceRange) throws(RuntimeError) -> Value {
    if name == "it", let row { return row }
    if name == "env" {
      return .record(Record(fields: environment.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
    }
    if let value = frames[frames.count - 1][name] ?? frames[0][name] { return value }
    let known = Set(frames[frames.count - 1].keys).union(frames[0].keys).union(["env"])
    throw .undefinedVariable(name, known: known.sorted(), range)
  }

  func assign(_ name: String, _ value: Value) { frames[frames.count - 1][name] = value }
}

extension Interpreter {
  /// Checks `program` against what this session knows now: its definitions, variables and settings.
  ///
  /// Every way of running program text checks it here first.
  public func check(_ program: Program) -> CheckFindings {
    let visible = frames[0].merging(frames[frames.count - 1]) { $1 }
    let context = CheckContext(
      registry: registry, functions: functions.mapValues(\.parameters), variables: visible.mapValues(Schema.of),
      interactive: host.isInteractive, settings: settings)
    return ProgramChecker.check(program, in: context)
  }
}

extension Interpreter {
  /// Runs a script's `main` with its bound arguments, after the script's top level ran.
  ///
  /// Its statements show their results as top-level ones do.
  public func runMain(_ arguments: [String: Value]) async throws(RuntimeFailure) -> RunResult {
    guard let main = functions["main"] else { return .completed }
    frames.append(arguments.merging(["in": .null]) { $1 })
    defer { frames.removeLast() }
    do {
      _ = try await execute(main.body.statements, source: main.source, showResults: true)
      return .completed
    } catch ControlFlow.returnValue(let value) {
      if value != .null { await host.show(value, settings: settings) }
      return .completed
    } catch ControlFlow.exit(let code) {
      return .exited(code)
    } catch let failure as RuntimeFailure {
      throw failure
    } catch let error as RuntimeError {
      throw RuntimeFailure(error: error, source: main.source)
    } catch {
      throw RuntimeFailure(error: .interrupted(main.body.range), source: main.source)
    }
  }
}
