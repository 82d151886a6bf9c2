/// One parameter of a `def`: a positional (`user`, `n = 1`) or a flag (`--days = 30`, `--report`).
///
/// A flag without a default, or with `true`/`false`, is a switch.
public struct FunctionParameter: Sendable {
  /// The name as written, without the leading `--` of a flag.
  public var name: String
  var isFlag: Bool
  var defaultValue: Expr?
  /// Where the parameter is written in the `def`, for diagnostics about it.
  public var range: SourceRange

  /// The variable the body reads it as: `--dry-run` is `$dry_run`.
  public var variableName: String { String(name.map { $0 == "-" ? "_" : $0 }) }

  /// Whether the flag takes no value: `--report`, `--report = false`.
  public var isSwitch: Bool {
    guard isFlag else { return false }
    guard let defaultValue else { return true }
    if case .literal(.bool) = defaultValue.kind { return true }
    return false
  }

  /// The literal default, when it is one (the checker requires it for `main`).
  public var literalDefault: Value? {
    if case .literal(let value)? = defaultValue?.kind { return value }
    return nil
  }

  /// The shape the parser and the checker need for calls of a function.
  public static func signature(of parameters: [FunctionParameter]) -> Signature {
    Signature(
      parameters.filter { !$0.isFlag }.map {
        Parameter($0.name, optional: $0.defaultValue != nil, help: $0.defaultValue == nil ? "" : "optional")
      },
      flags: parameters.filter(\.isFlag).map { Flag($0.name, value: $0.isSwitch ? nil : "VALUE", help: "") })
  }

  /// `name p [q] [--days VALUE] [--report]`.
  public static func usage(_ name: String, _ parameters: [FunctionParameter]) -> String {
    signature(of: parameters).usage(for: name)
  }
}
