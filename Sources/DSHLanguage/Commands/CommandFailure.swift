/// What a command throws when it cannot do its job.
///
/// The evaluator adds the source range (of the argument named by `argument`, or of the whole
/// call).
public struct CommandFailure: Error, Sendable {
  /// What sort of failure it is, which decides the exit code.
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

  /// What sort of failure it is.
  public var kind: Kind
  /// What went wrong, in one line for the diagnostic.
  public var message: String
  /// The HTTP status the portal answered with, when the failure is an API answer.
  public var status: Int?
  /// What the user can do about it, shown as a note under the message.
  public var help: String?
  /// The argument the diagnostic points at; nil points at the whole call.
  public var argument: ArgumentRef?
  /// A value the command produced before failing, such as a bulk verb's results.
  public var partialResult: Value?

  /// A failure of `kind` saying `message`, with the optional details above.
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

  /// The exit code dsh ends with when this failure ends a script.
  public var exitCode: ExitCode {
    switch kind {
    case .connection: return .unreachable
    case .partial: return .partialFailure
    case .interrupted: return .interrupted
    case .usage, .input, .unknownField, .api, .refused, .runtime: return .failure
    }
  }
}
