import DSHLanguage

/// `dsh check`: finds unknown commands, flags, variables and fields without running.
public struct ScriptChecker {
  let session: Session

  public init(session: Session) { self.session = session }

  /// Checks a file and prints what it found. 0 when clean, 2 otherwise.
  public func check(path: String) async -> Int32 {
    let text: String
    do {
      text = try ScriptFile.read(path)
    } catch {
      session.report([Diagnostic(code: "E100", message: "cannot check '\(path)': \(error.message)")])
      return ExitCode.usage.rawValue
    }
    let diagnostics = await check(Source(name: path, text: text))
    session.report(diagnostics)
    if diagnostics.isEmpty { session.terminal.writeErr("\(path): no problems found\n") }
    return diagnostics.isEmpty ? 0 : ExitCode.usage.rawValue
  }

  public func check(_ source: Source) async -> [Diagnostic] {
    switch await session.interpreter.parse(source) {
    case .failure(let errors): return errors.diagnostics
    case .success(let program):
      let problems = ProgramChecker.problems(
        in: program, registry: session.interpreter.registry, globals: ["args", "env", "last"])
      return problems.map { $0.diagnostic(in: source) }
    }
  }

  /// Commands that exist nowhere: checked before a program runs, so that a typo late in
  /// a script stops it before its first statement. Skipped when the program sources
  /// other files, whose definitions are not known yet.
  func unknownCommands(_ program: Program) -> [Diagnostic] {
    let registry = session.interpreter.registry
    if ProgramChecker.sourcesFiles(program, registry: registry) { return [] }
    return ProgramChecker.problems(in: program, registry: registry, globals: [])
      .filter { if case .unknownCommand = $0 { true } else { false } }
      .map { $0.diagnostic(in: program.source) }
  }
}
