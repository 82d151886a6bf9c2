/// What a command throws when it cannot do its job. The evaluator adds the source range
/// (of the argument named by `argument`, or of the whole call).
public struct CommandFailure: Error, Sendable {
  public enum Kind: String, Sendable {
    /// A bad argument or flag value.
    case usage
    /// The input is of the wrong kind.
    case input
    /// A field name that the rows do not have.
    case unknownField
    /// The API answered with an error.
    case api
    /// The portal could not be reached or refused the credentials.
    case connection
    /// A bulk action finished with some targets failed.
    case partial
    /// The user declined a confirmation, or a safety rail refused.
    case refused
    /// Stopped by Ctrl-C.
    case interrupted
    /// Anything else.
    case runtime
  }

  /// Which argument the failure is about.
  public enum ArgumentRef: Sendable, Equatable {
    case positional(Int)
    case flag(String)
  }

  public var kind: Kind
  public var message: String
  public var status: Int?
  public var help: String?
  public var argument: ArgumentRef?
  /// A value the command produced before failing (e.g. a bulk verb's results).
  public var partialResult: Value?

  public init(
    _ kind: Kind, _ message: String, status: Int? = nil, help: String? = nil,
    argument: ArgumentRef? = nil, partialResult: Value? = nil
  ) {
    self.kind = kind
    self.message = message
    self.status = status
    self.help = help
    self.argument = argument
    self.partialResult = partialResult
  }

  public var exitCode: ExitCode {
    switch kind {
    case .connection: return .unreachable
    case .partial: return .partialFailure
    case .interrupted: return .interrupted
    case .usage, .input, .unknownField, .api, .refused, .runtime: return .failure
    }
  }
}
