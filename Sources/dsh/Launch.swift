import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import DocSpaceVerbs
import Foundation
import LineEditor

/// Sets up a session from the command line and runs the chosen mode.
struct Launch {
  let command: DSH
  let environment: [String: String]
  let interactive: Bool
  let bridge: BlockingBridge

  func start() -> Int32 {
    let terminal = Terminal.standard(environment: environment)
    if command.script == "check" {
      return check(terminal: terminal)
    }
    let names = command.profile.map(DSH.profileNames) ?? []
    if names.count > 1 {
      return MultiProfileRun(launch: self, terminal: terminal, names: names).run()
    }
    return run(profile: command.profile, terminal: terminal, standardInput: nil)
  }

  /// One run of the chosen mode in a fresh session, signed in to `profile` when given;
  /// `standardInput` is the program of `dsh -` when it was read already.
  func run(profile: String?, terminal: Terminal, standardInput: String?) -> Int32 {
    var options = Session.Options(terminal: terminal)
    options.interactive = interactive
    // `dsh -`, or lines piped into the shell: the program is standard input.
    options.standardInputIsProgram = command.script == "-" || (command.script == nil && command.code == nil)
    options.environment = environment
    options.arguments = command.arguments
    options.settings.dryRun = command.dryRun
    options.transport = .init(caCertificatePath: command.caCert, allowInsecureHTTP: command.allowInsecureHttp)
    options.interruption = bridge.interruption
    if let output = command.output.flatMap(Settings.OutputFormat.init) { options.settings.output = output }
    if interactive {
      options.confirm = { await TerminalQuestion.confirm($0) }
      options.readSecret = { await TerminalQuestion.ask($0, echo: false) }
    }
    if interactive { options.history = history() }
    let session = Session(options)
    let simulator: SimulatorServer?
    do {
      if command.demo {
        simulator = try bridge.wait { await Self.startDemo(session) }.get()
      } else {
        simulator = nil
        if let profile, !interactive, try bridge.wait({ await openProfile(session, profile) }).get() {
          // Opened without a request: the program's first call is the first round trip.
        } else if let profile {
          let connect = "connect --profile \(DSHLanguage.Value.string(profile).sourceText)"
          let outcome = bridge.wait { await session.run(connect, origin: "<--profile>") }
          // A token the portal no longer takes: the shell opens signed out (the error said
          // how to sign in again); a script or -c stops here.
          let signedOut = bridge.wait { await session.portal.isSignedOut }
          if outcome.code != 0 && !(interactive && signedOut) { return outcome.code }
        } else if let portalText {
          let token = try readToken()
          try bridge.wait { await connect(session, portalText, token: token) }.get()
        }
      }
    } catch {
      terminal.writeErr(
        DiagnosticRenderer(color: terminal.colorAllowed).render(Diagnostic(code: "E302", message: error.message)) + "\n"
      )
      bridge.wait { await session.close() }
      return ((error as? LaunchError)?.code ?? .unreachable).rawValue
    }
    var code = runMode(session, terminal: terminal, history: options.history, standardInput: standardInput)
    bridge.wait {
      await session.close()
      await simulator?.stop()
    }
    // SIGTERM or SIGHUP stopped a command: dsh finished the journal, and now ends as the
    // signal would have ended it.
    if let signal = bridge.interruption.terminatingSignal { code = 128 + signal }
    // Output that could not be written (a full disk, a closed pipe) is a failure, not success.
    if let failure = terminal.outputFailure() {
      terminal.writeErr("dsh: \(failure)\n")
      if code == ExitCode.success.rawValue { code = ExitCode.failure.rawValue }
    }
    return code
  }

  var portalText: String? { command.portal ?? environment["DOCSPACE_URL"] }

  /// The REPL's history: the demo's own, else the starting portal's (per host and port).
  func history() -> HistoryStore {
    if command.demo { return HistoryStore.forPortal("demo", environment: environment) }
    let portal =
      command.profile.flatMap { try? Profiles(environment: environment).profile(named: $0).portal } ?? portalText
    guard let url = portal.flatMap({ try? PortalConfiguration.url(from: $0) }) else {
      return HistoryStore.forPortal("local", environment: environment)
    }
    return HistoryStore.forPortal(url: url, environment: environment)
  }

  /// `--token T`, `--token -` (a line from stdin), `--token-file FILE`, else DOCSPACE_TOKEN.
  ///
  /// Read once, at start-up; an unusable token file is a usage error.
  func readToken() throws -> String {
    if command.token == "-" { return Self.readTokenLine() }
    if let file = command.tokenFile {
      do throws(TokenFile.Problem) {
        return try TokenFile.read(file)
      } catch {
        throw LaunchError(
          message: "--token-file: " + error.message + (error.help.map { "; \($0)" } ?? ""), code: .usage)
      }
    }
    return command.token ?? environment["DOCSPACE_TOKEN"] ?? ""
  }

  /// One line from standard input, without echo when it is a terminal.
  static func readTokenLine() -> String {
    var saved = termios()
    let quiet = isatty(0) == 1 && tcgetattr(0, &saved) == 0
    if quiet {
      FileHandle.standardError.write(Data("Token: ".utf8))
      var silent = saved
      silent.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(0, TCSANOW, &silent)
    }
    defer {
      if quiet {
        tcsetattr(0, TCSANOW, &saved)
        FileHandle.standardError.write(Data("\n".utf8))
      }
    }
    var line: [UInt8] = []
    var byte: UInt8 = 0
    while line.count < 16 * 1024, InterruptGate.unblocked({ read(0, &byte, 1) }) == 1, byte != 10 {
      line.append(byte)
    }
    return String(decoding: line, as: UTF8.self)
  }

  private func runMode(_ session: Session, terminal: Terminal, history: HistoryStore?, standardInput: String?)
    -> Int32
  {
    if let code = command.code {
      return bridge.wait { await session.run(code, origin: "<-c>") }.code
    }
    if let script = command.script, script != "-" {
      return bridge.wait { await session.runFile(script, arguments: command.arguments) }.code
    }
    if command.script == "-" {
      guard let text = standardInput ?? Self.readAllStandardInput() else { return ExitCode.interrupted.rawValue }
      return bridge.wait { await session.run(text, origin: "<stdin>") }.code
    }
    if interactive {
      if command.demo {
        terminal.writeErr(
          "dsh demo portal: signed in as owner@example.com (password demo-password); try `sessions`, `help`, or `tour` for a guided lesson.\n"
        )
      }
      let reader = EditLineReader(history: history?.load() ?? [], editor: "emacs")
      return ReplDriver(session: session, reader: reader, bridge: bridge, showPrompts: true).run()
    }
    let reader = PlainLineReader(whileWaiting: { InterruptGate.unblocked($0) })
    return ReplDriver(session: session, reader: reader, bridge: bridge, showPrompts: false).run()
  }

  private func connect(_ session: Session, _ portalText: String, token: String) async -> Result<Void, LaunchError> {
    do throws(APIError) {
      let configuration = session.portal.defaults.configuration(
        url: try PortalConfiguration.url(from: portalText), credential: try Credential.validated(token: token))
      try await session.portal.connect(configuration, label: nil)
      // The prompt names who is signed in; a script or -c learns it when a call needs it.
      if interactive { await session.portal.refreshUser() }
      return .success(())
    } catch {
      let usage: Bool
      switch error {
      case .invalidCredential, .invalidURL: usage = true
      default: usage = false
      }
      return .failure(LaunchError(message: error.message, code: usage ? .usage : .unreachable))
    }
  }

  /// A script or `-c` on a profile with a token: the portal is opened without a request, so
  /// that `sessions | count` is one round trip; a dead token stops the program at its first
  /// call, with exit status 4.
  ///
  /// False for a profile that signs in with a password (the connect
  /// verb does that).
  private func openProfile(_ session: Session, _ name: String) async -> Result<Bool, LaunchError> {
    do {
      let profiles = Profiles(environment: environment)
      let profile = try profiles.profile(named: name)
      guard profile.user == nil else { return .success(false) }
      let credential = try profiles.credential(for: profile)
      // No credential of its own: the connect verb finds one (DOCSPACE_TOKEN, DOCSPACE_USER).
      guard credential != .none else { return .success(false) }
      try credential.validate()
      var configuration = session.portal.defaults.configuration(
        url: try PortalConfiguration.url(from: profile.portal), credential: credential)
      configuration.caCertificatePath = command.caCert ?? profile.caCertificate
      try await session.portal.connect(configuration, label: profile.name, profile: profile.name)
      return .success(true)
    } catch let failure as CommandFailure {
      let help = failure.help.map { "; \($0)" } ?? ""
      return .failure(LaunchError(message: failure.message + help, code: failure.exitCode))
    } catch let error as APIError {
      return .failure(LaunchError(message: error.message, code: .usage))
    } catch {
      return .failure(LaunchError(message: "\(error)"))
    }
  }

  /// Starts the simulator on a free loopback port and signs in as its owner.
  static func startDemo(_ session: Session) async -> Result<SimulatorServer, LaunchError> {
    var options = SimulatorOptions()
    options.port = 0
    options.users = 12
    do {
      let server = try await SimulatorServer.start(options)
      let url = try PortalConfiguration.url(from: server.url)
      try await session.portal.connect(PortalConfiguration(baseURL: url, credential: .none), label: "demo")
      guard let client = await session.portal.client else {
        return .failure(LaunchError(message: "demo portal unavailable"))
      }
      _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
      await session.portal.refreshUser()
      return .success(server)
    } catch let error as APIError {
      return .failure(LaunchError(message: "the demo portal did not start: \(error.message)"))
    } catch {
      return .failure(LaunchError(message: "the demo portal did not start: \(error)"))
    }
  }

  private func check(terminal: Terminal) -> Int32 {
    guard let path = command.arguments.first else {
      terminal.writeErr("usage: dsh check FILE.dsh\n")
      return ExitCode.usage.rawValue
    }
    var options = Session.Options(terminal: terminal)
    options.environment = environment
    let session = Session(options)
    bridge.wait { await session.interpreter.setVariable("script", .string(path)) }
    return bridge.wait { await ScriptChecker(session: session).check(path: path) }
  }

  /// The whole of stdin, read with the stop signals let through (as the REPL does while it
  /// waits): SIGTERM ends a dsh stuck on a pipe that never closes; nil after a Ctrl-C.
  static func readAllStandardInput() -> String? {
    var data: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = InterruptGate.unblocked { chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) } }
      if count < 0 && errno == EINTR { return nil }
      if count <= 0 { return String(decoding: data, as: UTF8.self) }
      data += chunk[..<count]
    }
  }
}

struct LaunchError: Error {
  var message: String
  var code: ExitCode = .unreachable
}

extension Error {
  var message: String { (self as? LaunchError)?.message ?? String(describing: self) }
}
