/// How a command's arguments are shaped: positionals, an optional rest, and flags.
public struct Signature: Sendable {
  /// The positional parameters, in order.
  public var positionals: [Parameter]
  /// The parameter that takes every positional after `positionals`, when the command takes any.
  public var rest: Parameter?
  /// The flags, in the order help lists them.
  public var flags: [Flag]

  /// A shape with these positionals, rest and flags; the default takes no arguments.
  public init(_ positionals: [Parameter] = [], rest: Parameter? = nil, flags: [Flag] = []) {
    self.positionals = positionals
    self.rest = rest
    self.flags = flags
  }

  /// The parameter that the positional at `index` fills: its own, or else the rest.
  public func parameter(at index: Int) -> Parameter? {
    index < positionals.count ? positionals[index] : rest
  }

  /// The flag called `name` (without the `--`), if the command has one.
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

/// One positional parameter of a command: its name, how it is parsed, and its help line.
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

  /// The placeholder shown in usage lines and help (`FIELD`, `FILE`).
  public var name: String
  /// What the parser reads for it.
  public var shape: Shape
  /// Whether a call may leave it out.
  public var optional: Bool
  /// One line for help.
  public var help: String
  /// The values it accepts, checked before running; nil accepts any.
  public var check: ValueCheck?
  /// What Tab offers, when neither the shape nor the check says (see `completionSource`).
  public var completion: CompletionSource?

  /// A parameter with no check and no completion of its own.
  public init(_ name: String, _ shape: Shape = .value, optional: Bool = false, help: String) {
    self.name = name
    self.shape = shape
    self.optional = optional
    self.help = help
  }
}

/// One `--flag` of a command: a switch, or a flag that takes a value.
public struct Flag: Sendable {
  /// The name without the `--`.
  public var name: String
  /// The placeholder of the flag's value (`N`, `DATE`), or nil for a switch.
  public var valueName: String?
  /// One line for help.
  public var help: String
  /// The value it accepts, checked before running; nil accepts any.
  public var check: ValueCheck?
  /// Names users reach for that mean this flag (`reverse` for `desc`), for did-you-mean.
  public var synonyms: [String]
  /// What Tab offers for its value, when the check does not say (see `completionSource`).
  public var completion: CompletionSource?

  /// A flag with no check and no completion of its own; a nil `value` makes it a switch.
  public init(_ name: String, value: String? = nil, help: String, synonyms: [String] = []) {
    self.name = name
    self.valueName = value
    self.help = help
    self.synonyms = synonyms
  }
}
