import DSHLanguage

/// `dsh check FILE`: the check every run makes before its first statement, with the
/// warnings a run does not show.
public struct ScriptChecker {
  let session: Session

  /// A checker that reports through `session` and checks against its commands.
  public init(session: Session) { self.session = session }

  /// Checks a file and prints what it found.
  ///
  /// 0 when clean, 2 otherwise.
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
    let errors = diagnostics.filter { $0.severity == .error }
    if errors.isEmpty { session.terminal.writeErr("\(path): no problems found\n") }
    return errors.isEmpty ? 0 : ExitCode.usage.rawValue
  }

  /// Errors first, then warnings.
  public func check(_ source: Source) async -> [Diagnostic] {
    switch await session.interpreter.parse(source) {
    case .failure(let errors): return errors.diagnostics
    case .success(let program):
      let findings = await session.interpreter.check(program)
      return findings.diagnostics + findings.warnings
    }
  }
}
