/// How a command's arguments are shaped: positionals, an optional rest, and flags.
public struct Signature: Sendable {
  public var positionals: [Parameter]
  public var rest: Parameter?
  public var flags: [Flag]

  public init(_ positionals: [Parameter] = [], rest: Parameter? = nil, flags: [Flag] = []) {
    self.positionals = positionals
    self.rest = rest
    self.flags = flags
  }

  public func parameter(at index: Int) -> Parameter? {
    index < positionals.count ? positionals[index] : rest
  }

  public func flag(named name: String) -> Flag? { flags.first { $0.name == name } }

  /// `name ARG [OPT] REST… [--flag VALUE]`, as shown in help and usage errors.
  public func usage(for name: String) -> String {
    var parts = [name]
    for parameter in positionals {
      parts.append(parameter.optional ? "[\(parameter.name)]" : parameter.name)
    }
    if let rest { parts.append("[\(rest.name)…]") }
    for flag in flags {
      parts.append(flag.valueName.map { "[--\(flag.name) \($0)]" } ?? "[--\(flag.name)]")
    }
    return parts.joined(separator: " ")
  }
}

public struct Parameter: Sendable {
  /// What the parser reads for this parameter.
  public enum Shape: Sendable {
    /// A value; a bare word is a string.
    case value
    /// An expression evaluated for each row, with the row's fields as bare names.
    case condition
    /// A field name of the rows flowing in.
    case field
    /// A `{ … }` block run for each row.
    case block
  }

  public var name: String
  public var shape: Shape
  public var optional: Bool
  public var help: String
  /// The values it accepts, checked before running; nil accepts any.
  public var check: ValueCheck?
  /// What Tab offers, when neither the shape nor the check says (see `completionSource`).
  public var completion: CompletionSource?

  public init(_ name: String, _ shape: Shape = .value, optional: Bool = false, help: String) {
    self.name = name
    self.shape = shape
    self.optional = optional
    self.help = help
  }
}

public struct Flag: Sendable {
  public var name: String
  /// The placeholder of the flag's value (`N`, `DATE`), or nil for a switch.
  public var valueName: String?
  public var help: String
  /// The value it accepts, checked before running; nil accepts any.
  public var check: ValueCheck?
  /// Names users reach for that mean this flag (`reverse` for `desc`), for did-you-mean.
  public var synonyms: [String]
  /// What Tab offers for its value, when the check does not say (see `completionSource`).
  public var completion: CompletionSource?

  public init(_ name: String, value: String? = nil, help: String, synonyms: [String] = []) {
    self.name = name
    self.valueName = value
    self.help = help
    self.synonyms = synonyms
  }
}
