/// Non-local exits inside the evaluator.
///
/// Never seen outside it.
enum ControlFlow: Error {
  case breakLoop(SourceRange)
  case continueLoop(SourceRange)
  case returnValue(Value)
  case exit(Int32)
}

/// A runtime error together with the source it happened in.
public struct RuntimeFailure: Error, Sendable {
  /// What went wrong, with the range it happened at.
  public var error: RuntimeError
  /// The program text that range is in.
  public var source: Source

  /// The error as a diagnostic that quotes its line of `source`.
  public var diagnostic: Diagnostic { error.diagnostic(in: source) }
}

/// How a program run ended when no error escaped it.
public enum RunResult: Sendable, Equatable {
  case completed
  case exited(Int32)
}

struct FunctionDefinition: Sendable {
  var name: String
  var parameters: [FunctionParameter]
  var body: Block
  var source: Source

  var signature: Signature { FunctionParameter.signature(of: parameters) }
  var usage: String { FunctionParameter.usage(name, parameters) }
}
