/// An error raised while a program runs, with the range of source it is about.
public enum RuntimeError: Error, Sendable {
  case undefinedVariable(String, known: [String], SourceRange)
  case unknownCommand(String, known: [String], SourceRange)
  case unknownName(String, SourceRange)
  case unknownField(String, recordName: String, known: [String], SourceRange)
  /// `suggestion` is a flag meaning the same (`--desc` for `--reverse`), found by synonym.
  case unknownFlag(command: String, flag: String, known: [String], suggestion: String?, SourceRange)
  /// An argument's value that the command does not accept (from its `ValueCheck`).
  case invalidArgument(command: String, ArgumentProblem, SourceRange)
  /// In a script, a call that can end many sessions states no intent (`--yes`, …).
  case intentRequired(command: String, SourceRange)
  /// In a script, a call that must be bounded (`logins --since D`) is not.
  case unboundedInScript(command: String, ArgumentProblem, SourceRange)
  case returnOutsideDef(SourceRange)
  case missingArgument(command: String, parameter: String, usage: String, SourceRange)
  case tooManyArguments(command: String, usage: String, SourceRange)
  case typeMismatch(String, SourceRange)
  case indexOutOfRange(index: Int, count: Int, SourceRange)
  case divisionByZero(SourceRange)
  /// An int operation whose result does not fit in 64 bits; the range is the operator's.
  case integerOverflow(operator: String, SourceRange)
  /// Building a list or record deeper than `Value.maximumNesting`.
  case valueTooDeep(limit: Int, SourceRange)
  case invalidRegex(String, SourceRange)
  case controlOutsideLoop(String, SourceRange)
  case recursionTooDeep(SourceRange)
  /// `source` inside `source` (with calls) deeper than the call limit.
  case sourceTooDeep(limit: Int, SourceRange)
  case commandFailed(command: String, CommandFailure, SourceRange)
  case sourceFailed(path: String, reason: String, SourceRange)
  case interrupted(SourceRange)

  /// The source the error is about: where a failing command or operator was written.
  public var range: SourceRange {
    switch self {
    case .undefinedVariable(_, _, let range), .unknownCommand(_, _, let range),
      .unknownName(_, let range), .unknownField(_, _, _, let range),
      .unknownFlag(_, _, _, _, let range), .missingArgument(_, _, _, let range),
      .invalidArgument(_, _, let range), .intentRequired(_, let range), .returnOutsideDef(let range),
      .unboundedInScript(_, _, let range),
      .tooManyArguments(_, _, let range), .typeMismatch(_, let range),
      .indexOutOfRange(_, _, let range), .divisionByZero(let range), .integerOverflow(_, let range),
      .valueTooDeep(_, let range), .invalidRegex(_, let range),
      .controlOutsideLoop(_, let range), .recursionTooDeep(let range), .sourceTooDeep(_, let range),
      .commandFailed(_, _, let range), .sourceFailed(_, _, let range), .interrupted(let range):
      return range
    }
  }

  /// The one-line message shown after the code, such as "variable '$x' is not defined".
  public var message: String {
    switch self {
    case .undefinedVariable(let name, _, _): return "variable '$\(name)' is not defined"
    case .unknownCommand(let name, _, _): return "unknown command '\(name)'"
    case .unknownName(let name, _):
      return "'\(name)' is not a value here: quote it (\"\(name)\") for a string, or use $\(name) for a variable"
    case .unknownField(let name, let recordName, _, _): return "no field '\(name)' on \(recordName)"
    case .unknownFlag(let command, let flag, _, _, _): return "'\(command)' has no flag --\(flag)"
    case .invalidArgument(_, let problem, _): return problem.message
    case .intentRequired(let command, _):
      return "in a script, '\(command)' can end many sessions and nobody is asked: say so with --yes, "
        + "--expect-count N or --dry-run"
    case .returnOutsideDef: return "'return' outside a def"
    case .unboundedInScript(_, let problem, _): return problem.message
    case .missingArgument(let command, let parameter, _, _):
      return "'\(command)' needs \(parameter)"
    case .tooManyArguments(let command, _, _): return "too many arguments for '\(command)'"
    case .typeMismatch(let message, _): return message
    case .indexOutOfRange(let index, let count, _):
      return "index \(index) is out of range: the list has \(count) item\(count == 1 ? "" : "s")"
    case .divisionByZero: return "division by zero"
    case .integerOverflow(let symbol, _): return "integer overflow: the result of '\(symbol)' does not fit in an int"
    case .valueTooDeep(let limit, _): return "value nested too deeply (limit \(limit) levels of lists and records)"
    case .invalidRegex(let pattern, _): return "invalid regular expression '\(pattern)'"
    case .controlOutsideLoop(let word, _): return "'\(word)' outside a loop"
    case .recursionTooDeep:
      return "calls nested too deeply (limit \(Interpreter.maximumCallDepth)): runaway recursion?"
    case .sourceTooDeep(let limit, _): return "source nested too deeply (limit \(limit)): does a file source itself?"
    case .commandFailed(_, let failure, _): return failure.message
    case .sourceFailed(let path, let reason, _): return "cannot source '\(path)': \(reason)"
    case .interrupted: return "interrupted"
    }
  }

  /// Text under the caret: a suggestion or a hint.
  public var label: String? {
    switch self {
    case .undefinedVariable(let name, let known, _):
      return Suggestions.closest(to: name, in: known).first.map { "did you mean '$\($0)'?" }
    case .unknownCommand(let name, let known, _):
      return Suggestions.didYouMean(name, in: known) ?? "run 'help' to list commands"
    case .unknownField(let name, _, let known, _):
      return Suggestions.didYouMean(name, in: known)
    case .unknownFlag(_, let flag, let known, let suggestion, _):
      return (suggestion.map { [$0] } ?? Suggestions.closest(to: flag, in: known)).first.map {
        "did you mean '--\($0)'?"
      }
    case .invalidArgument(_, let problem, _): return problem.help
    case .intentRequired: return "or put `set confirm off` before it"
    case .returnOutsideDef: return "use exit to stop a script"
    case .unboundedInScript(_, let problem, _): return problem.help

    case .missingArgument(_, _, let usage, _), .tooManyArguments(_, let usage, _):
      return "usage: \(usage)"
    case .commandFailed(_, let failure, _): return failure.help
    case .integerOverflow: return "ints hold ±9223372036854775807; use a float (1.0 * x) for more"
    default: return nil
    }
  }

  /// Extra lines shown under the snippet (the known fields, for an unknown field).
  public var notes: [String] {
    if case .unknownField(_, _, let known, _) = self, !known.isEmpty {
      return ["known fields: " + known.joined(separator: ", ")]
    }
    return []
  }

  /// The stable diagnostic code (`E201`…); the same problem has the same code in a check and a run.
  public var code: String {
    switch self {
    case .undefinedVariable: return "E201"
    case .unknownCommand: return "E202"
    case .unknownName: return "E203"
    case .unknownField: return "E204"
    case .unknownFlag, .missingArgument, .tooManyArguments: return "E205"
    case .invalidArgument: return "E208"
    case .intentRequired, .unboundedInScript: return "E209"
    case .returnOutsideDef: return "E207"
    case .typeMismatch, .indexOutOfRange, .divisionByZero, .integerOverflow, .valueTooDeep, .invalidRegex:
      return "E206"
    case .controlOutsideLoop, .recursionTooDeep, .sourceTooDeep, .sourceFailed: return "E207"
    case .commandFailed(_, let failure, _):
      switch failure.kind {
      case .usage, .input: return "E205"
      case .unknownField: return "E204"
      case .api: return "E301"
      case .connection: return "E302"
      case .partial: return "E303"
      case .refused: return "E304"
      case .interrupted: return "E130"
      case .runtime: return "E206"
      }
    case .interrupted: return "E130"
    }
  }

  /// The `kind` field of `$error` in a catch block.
  public var kind: String {
    switch self {
    case .commandFailed(_, let failure, _): return failure.kind.rawValue
    case .interrupted: return "interrupted"
    case .unknownCommand, .unknownFlag, .missingArgument, .tooManyArguments, .invalidArgument, .intentRequired,
      .unboundedInScript:
      return "usage"
    default: return "runtime"
    }
  }

  /// The HTTP status of a failed portal call, for `$error.status`; nil for other errors.
  public var status: Int? {
    if case .commandFailed(_, let failure, _) = self { return failure.status }
    return nil
  }

  /// The exit status a script that stops on this error ends with.
  public var exitCode: ExitCode {
    switch self {
    case .commandFailed(_, let failure, _): return failure.exitCode
    case .interrupted: return .interrupted
    default: return .failure
    }
  }

  /// An unknown flag among `flags`, suggesting a synonym before a near spelling.
  public static func unknownFlag(command: String, flag: String, in flags: [Flag], _ range: SourceRange) -> RuntimeError
  {
    .unknownFlag(
      command: command, flag: flag, known: flags.map(\.name),
      suggestion: flags.first { $0.synonyms.contains(flag) }?.name, range)
  }

  /// The error as a diagnostic pointing into `source`.
  public func diagnostic(in source: Source?) -> Diagnostic {
    Diagnostic(
      code: code, message: message, range: range, source: source, label: label, notes: notes)
  }
}
