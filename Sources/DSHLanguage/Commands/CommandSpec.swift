/// A command, declared once: everything `help`, completion, `dsh check`, the parser and
/// the example tests know about it comes from here.
public struct CommandSpec: Sendable {
  /// The group `help` lists a command under; the raw value is the group's heading.
  public enum Category: String, Sendable, CaseIterable {
    case sessions = "Sessions"
    case people = "People and sign-ins"
    case connection = "Connection"
    case data = "Data"
    case shell = "Shell"
  }

  /// The schema of what a command outputs, possibly depending on its input.
  public enum Output: Sendable {
    case fixed(Schema)
    case sameAsInput
    case itemOfInput
    case unknown

    /// The output's schema for an input of schema `input`.
    public func schema(given input: Schema) -> Schema {
      switch self {
      case .fixed(let schema): return schema
      case .sameAsInput: return input
      case .itemOfInput:
        if case .list(let item) = input { return item }
        return input
      case .unknown: return .unknown
      }
    }
  }

  /// The name a pipeline calls it by.
  public var name: String
  /// What it does, in one line for `help` and completion.
  public var summary: String
  /// More about it for `help CMD`, in paragraphs; empty when the summary says all.
  public var discussion: String
  /// The group `help` lists it under.
  public var category: Category
  /// The shape of its arguments.
  public var signature: Signature
  /// The schema of what it outputs.
  public var output: Output
  /// Runnable examples for `help CMD`, which the example tests run.
  public var examples: [Example]
  /// The names of related commands.
  public var seeAlso: [String]
  /// The API calls a verb makes, all of them, in order (help, `explain`).
  public var calls: [APICall]
  /// Who may run it, in words, when not everyone may.
  public var role: String?
  /// Whether one call can end more than one session, which a script must then confirm.
  public var endsSessions: EndsSessions
  /// In a script, one of these flags must be given (`logins` must say how far back to read).
  public var scriptBound: ScriptBound?
  /// A check across positional arguments (`set output xml`): given the values known so far
  /// (nil: not known before running), the problem and the index of the argument at fault.
  public var validate: (@Sendable ([Value?]) -> (problem: ArgumentProblem, index: Int)?)?
  /// Runs the command; a failure it can explain is a `CommandFailure`.
  public var run: @Sendable (Invocation) async throws -> Value

  /// A command declared in full; everything but the name, summary, category and `run` is optional.
  public init(
    name: String, summary: String, discussion: String = "", category: Category,
    signature: Signature = Signature(), output: Output = .unknown, examples: [Example] = [],
    seeAlso: [String] = [], calls: [APICall] = [], role: String? = nil, endsSessions: EndsSessions = .never,
    validate: (@Sendable ([Value?]) -> (problem: ArgumentProblem, index: Int)?)? = nil,
    scriptBound: ScriptBound? = nil, run: @escaping @Sendable (Invocation) async throws -> Value
  ) {
    self.endsSessions = endsSessions
    self.scriptBound = scriptBound
    self.validate = validate
    self.name = name
    self.summary = summary
    self.discussion = discussion
    self.category = category
    self.signature = signature
    self.output = output
    self.examples = examples
    self.seeAlso = seeAlso
    self.calls = calls
    self.role = role
    self.run = run
  }

  /// The schema of what it outputs for an input of schema `input`.
  func outputSchema(given input: Schema) -> Schema { output.schema(given: input) }
}

/// A runnable example in a command's help, with what running it must give.
public struct Example: Sendable {
  /// What running an example must give.
  public enum Expectation: Sendable {
    /// Runs without error.
    case runs
    /// Prints exactly this (stdout of the whole example, rendered as in a script).
    case output(String)
    /// Fails with this diagnostic code.
    case error(String)
  }

  /// The dsh code to run.
  public var code: String
  /// What it shows, in a few words for help.
  public var summary: String
  /// What running it must give.
  public var expectation: Expectation

  /// An example of `code`, described by `summary`; by default it need only run without error.
  public init(_ code: String, _ summary: String, _ expectation: Expectation = .runs) {
    self.code = code
    self.summary = summary
    self.expectation = expectation
  }
}

extension CommandSpec {
  /// Whether one call can end more than one session.
  ///
  /// In a script nobody is asked, so such a call must state its intent (`--yes`, `--expect-count N`, `--dry-run`, or an earlier
  /// `set confirm off`); the checker refuses it otherwise.
  public enum EndsSessions: Sendable {
    /// Never: the command ends no session, or one at most.
    case never
    /// Always: `revoke-user`, `revoke-others`, `change-password`.
    case many
    /// When its target is a list or comes down a pipeline: `revoke`.
    case whenList
  }

  /// Flags of which a script must give one, and what to say when it gives none.
  public struct ScriptBound: Sendable {
    /// The flags, by name without the `--`.
    public var flags: Set<String>
    /// The problem the checker reports when a script gives none of them.
    public var problem: ArgumentProblem

    /// A bound of `flags`, reported as `problem` when a script gives none.
    public init(flags: Set<String>, problem: ArgumentProblem) {
      self.flags = flags
      self.problem = problem
    }
  }
}
