/// An expression with the source range it came from.
///
/// Only the cases holding an expression directly are boxed: a leaf, a list or a record costs no
/// allocation of its own.
struct Expr: Sendable {
  enum Kind: Sendable {
    case literal(Value)
    case now
    case variable(String)
    case field(String)
    case interpolation([InterpolationPart])
    case list([Expr])
    case record([(key: String, value: Expr)])
    indirect case unary(UnaryOperator, Expr)
    /// `at` is the operator's own range, where a failure of the operation points.
    indirect case binary(BinaryOperator, Expr, Expr, at: SourceRange)
    indirect case member(Expr, String)
    indirect case index(Expr, Expr)
    case subexpression(Pipeline)
    case block(Block)
  }

  var kind: Kind
  var range: SourceRange
}

enum InterpolationPart: Sendable {
  case text(String)
  case expr(Expr)
}

enum UnaryOperator: String, Sendable {
  case negate = "-"
  case not
}

enum BinaryOperator: String, Sendable, CaseIterable {
  case or, and
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case matches = "=~"
  case notMatches = "!~"
  case `in`
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
}

/// A command invocation: `name arg… --flag value`.
struct CommandCall: Sendable {
  var name: String
  var nameRange: SourceRange
  var arguments: [Argument]
  var range: SourceRange
}

enum Argument: Sendable {
  case positional(Expr)
  case flag(name: String, value: Expr?, range: SourceRange)
}

/// The first stage of a pipeline is a command or an expression; later stages are commands.
enum Stage: Sendable {
  case command(CommandCall)
  case expression(Expr)

  var range: SourceRange {
    switch self {
    case .command(let call): return call.range
    case .expression(let expr): return expr.range
    }
  }
}

struct Pipeline: Sendable {
  var stages: [Stage]
  var range: SourceRange
}

struct Block: Sendable {
  var statements: [Statement]
  var range: SourceRange
}

struct Statement: Sendable {
  enum Kind: Sendable {
    case assign(AssignmentTarget, Pipeline)
    case pipeline(Pipeline)
    case ifElse(branches: [(condition: Expr, body: Block)], otherwise: Block?)
    case forIn(variable: String, sequence: Expr, body: Block)
    case whileLoop(condition: Expr, body: Block)
    case def(name: String, parameters: [FunctionParameter], body: Block)
    case `return`(Expr?)
    case `break`
    case `continue`
    case tryCatch(body: Block, handler: Block)
    case source(Expr)
    case exit(Expr?)
    case explain(Pipeline)
  }

  var kind: Kind
  var range: SourceRange
}

/// What an assignment writes: a variable, or a place inside one (`$r.field`, `$l[0]`).
struct AssignmentTarget: Sendable {
  enum Step: Sendable {
    case field(String)
    case index(Expr)
  }

  var name: String
  var path: [Step]
  var range: SourceRange
}

/// A whole parsed source: what `Interpreter.parse` returns, and `run` and `check` take.
public struct Program: Sendable {
  var statements: [Statement]
  var source: Source
  var outline: Outline
}

extension Program {
  /// The parameters of a top-level `def main [...]`, which parse a script's arguments.
  public var mainParameters: [FunctionParameter]? {
    for statement in statements {
      if case .def("main", let parameters, _) = statement.kind { return parameters }
    }
    return nil
  }
}
