import DSHLanguage
import DocSpaceAPI
import DocSpaceVerbs
import Foundation

/// One shell session: every source of program text (REPL lines, files, -c, stdin, help
/// examples, tests) runs through `run`.
public final class Session: Sendable {
  /// The interpreter that runs every program text, holding the session's variables and settings.
  public let interpreter: Interpreter
  /// The portal connection the API verbs use; `connect` changes what it points at.
  public let portal: PortalConnection
  /// The REPL history, nil when the session keeps none (scripts, -c).
  public let history: HistoryStore?
  /// Where output, errors and traces are written.
  public let terminal: Terminal
  let host: ShellHost
  /// The script arguments the session was started with (`dsh FILE ARGS…`).
  let arguments: [String]
  let environment: [String: String]

  /// What a session is started with; everything but the terminal has a default.
  public struct Options: Sendable {
    /// Where output, errors and traces are written.
    public var terminal: Terminal
    /// Whether a person is at the REPL (prompts and questions make sense).
    public var interactive = false
    /// Standard input is where the program comes from, so `open -` has nothing to read.
    public var standardInputIsProgram = false
    /// The script arguments (`dsh FILE ARGS…`), bound as `$args`.
    public var arguments: [String] = []
    /// The environment the session reads (profiles, `$env`, XDG paths), not the process's own.
    public var environment: [String: String] = [:]
    /// The settings at start (output format, colour, confirmations).
    public var settings = Settings()
    /// The REPL history shared with the line reader, nil when none is kept.
    public var history: HistoryStore?
    /// Timeouts, retries and TLS options for every portal the session connects to.
    public var transport = PortalConnection.TransportDefaults()
    /// Shared with the driver's `BlockingBridge`, which raises it when a signal arrives.
    public var interruption = Interruption()
    /// Asks the user a yes/no question (the REPL's reader); scripts answer no.
    public var confirm: @Sendable (String) async -> Bool = { _ in false }
    /// Reads a secret without echo (the REPL's reader); scripts get nil.
    public var readSecret: @Sendable (String) async -> String? = { _ in nil }

    /// Options for output to `terminal`, with the defaults of a non-interactive run.
    public init(terminal: Terminal) { self.terminal = terminal }
  }

  /// A session with the data commands, the API verbs bound to a fresh portal connection, and the
  /// shell's own commands.
  public init(_ options: Options) {
    terminal = options.terminal
    history = options.history
    arguments = options.arguments
    environment = options.environment
    portal = PortalConnection(
      environment: options.environment, defaults: options.transport, interruption: options.interruption)
    host = ShellHost(
      terminal: options.terminal, interactive: options.interactive,
      inputIsProgram: options.standardInputIsProgram, ask: options.confirm, askSecret: options.readSecret)
    interpreter = Interpreter(
      registry: CommandRegistry(Self.commands(portal, history: options.history)), host: host,
      settings: options.settings, arguments: options.arguments,
      environment: options.environment)
  }

  /// Every command a session knows: the one place the language's, the API's and the shell's
  /// tables meet.
  ///
  /// Each table is in alphabetical order and no name is in two of them.
  static func commands(_ portal: PortalConnection, history: HistoryStore?) -> [CommandSpec] {
    DataCommands.all + DocSpaceVerbs.all(portal) + ShellCommands.all(history: history)
  }

  /// How a run ended: its exit code, and whether an `exit` statement asked to stop.
  public struct Outcome: Sendable, Equatable {
    /// The exit status: 0 on success, the failing statement's code otherwise.
    public var code: Int32
    var exited = false
  }

  /// Parses `text` whole, checks it, and runs it only if both found nothing.
  ///
  /// A script with a `def main [...]` gets `arguments` parsed against it before anything runs, and
  /// its `main` runs after its top level.
  @discardableResult
  public func run(_ text: String, origin: String, arguments: [String]? = nil) async -> Outcome {
    await installTrace()
    let color = await interpreter.settings.color
    switch await interpreter.parse(Source(name: origin, text: text)) {
    case .failure(let errors):
      report(errors.diagnostics, color: color)
      return Outcome(code: ExitCode.usage.rawValue)
    case .success(let program):
      let findings = await interpreter.check(program)
      if !findings.errors.isEmpty {
        report(findings.diagnostics, color: color)
        return Outcome(code: ExitCode.usage.rawValue)
      }
      var mainArguments: [String: Value]?
      if let arguments, let parameters = program.mainParameters {
        let options = arguments.prefix { $0 != "--" }
        if options.contains("--help") || options.contains("-h") {
          terminal.writeOut(MainArguments.help(script: origin, parameters))
          return Outcome(code: ExitCode.success.rawValue, exited: true)
        }
        do throws(ArgumentProblem) {
          mainArguments = try MainArguments.bind(arguments, to: parameters)
        } catch {
          let usage = MainArguments.help(script: origin, parameters).split(separator: "\n").first.map(String.init)
          report(
            [
              Diagnostic(
                code: "E210", message: "\(origin): \(error.message)", notes: [error.help, usage].compactMap { $0 })
            ],
            color: color)
          return Outcome(code: ExitCode.usage.rawValue)
        }
      }
      do {
        var result = try await interpreter.run(program)
        if result == .completed, let mainArguments { result = try await interpreter.runMain(mainArguments) }
        switch result {
        case .completed: return Outcome(code: ExitCode.success.rawValue)
        case .exited(let code): return Outcome(code: code, exited: true)
        }
      } catch {
        if case .commandFailed(_, let failure, _) = error.error, let partial = failure.partialResult {
          await host.show(partial, settings: await interpreter.settings)
        }
        report([error.diagnostic], color: await interpreter.settings.color)
        return Outcome(code: error.error.exitCode.rawValue)
      }
    }
  }

  /// Runs a file with its arguments (by default the session's): unreadable or non-UTF-8
  /// files are usage errors.
  public func runFile(_ path: String, arguments: [String]? = nil) async -> Outcome {
    do {
      let text = try ScriptFile.read(path)
      await interpreter.setVariable("script", .string(path))
      return await run(text, origin: path, arguments: arguments ?? self.arguments)
    } catch {
      report([Diagnostic(code: "E100", message: "cannot run '\(path)': \(error.message)")])
      return Outcome(code: ExitCode.usage.rawValue)
    }
  }

  func report(_ diagnostics: [Diagnostic], color: Settings.ColorMode = .auto) {
    let renderer = DiagnosticRenderer(color: color == .on || (color == .auto && terminal.colorAllowed))
    terminal.writeErr(renderer.render(all: diagnostics))
  }

  /// Trace lines go to stderr; they name method, path, status and time, never a header.
  private func installTrace() async {
    let terminal = self.terminal
    await portal.setTraceHandler { event in
      let status = event.status.map(String.init) ?? "---"
      let retry = event.attempt > 1 ? " (attempt \(event.attempt))" : ""
      let note = event.note.map { "  \($0)" } ?? ""
      let line = "\(event.request.method) \(event.request.path)  \(status)  \(event.milliseconds)ms\(retry)\(note)"
      terminal.writeErr("→ " + TerminalText.escaped(line, keepNewlines: false) + "\n")
    }
  }

  /// Closes the portal connection.
  public func close() async { await portal.disconnect() }
}
