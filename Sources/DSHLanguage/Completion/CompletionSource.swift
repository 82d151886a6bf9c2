/// What Tab offers for a parameter or a flag's value.
///
/// Declared on the parameter (or derived from its shape and its check), so the completer holds no
/// list of commands of its own.
public enum CompletionSource: Sendable, Hashable {
  /// The field names of the rows flowing into the command.
  case fields
  /// Command names.
  case commands
  /// The names of the session's settings (`set`).
  case settingNames
  /// The values of the setting named by the argument before it (`set output …`).
  case settingValues
  /// A closed set of words.
  case values([String])
  /// Paths on this machine.
  case files
  /// Connection ids: the shell's sessions and recent sign-ins. Fetched from the portal.
  case connectionIds
  /// People's emails. Fetched from the portal.
  case people
  /// The profile names of the config file.
  case profiles

  /// Whether the candidates come from the portal, so a Tab may start a fetch.
  public var isFetched: Bool { self == .connectionIds || self == .people }
}

extension Parameter {
  /// The parameter with a declared completion source.
  public func completing(_ source: CompletionSource) -> Parameter {
    var copy = self
    copy.completion = source
    return copy
  }

  /// What Tab offers here: the declared source, else what the shape or the check implies.
  public var completionSource: CompletionSource? {
    if let completion { return completion }
    switch shape {
    case .field, .condition: return .fields
    case .value, .block: return check?.choices.map(CompletionSource.values)
    }
  }
}

extension Flag {
  /// The flag with a declared completion source for its value.
  public func completing(_ source: CompletionSource) -> Flag {
    var copy = self
    copy.completion = source
    return copy
  }

  /// What Tab offers for the flag's value.
  public var completionSource: CompletionSource? { completion ?? check?.choices.map(CompletionSource.values) }
}
