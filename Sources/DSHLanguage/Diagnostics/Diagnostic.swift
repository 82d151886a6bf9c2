/// A message for the user about a place in a source, ready to render.
public struct Diagnostic: Sendable {
  /// Whether a diagnostic stops a program (error) or only advises (warning, shown by `dsh check`).
  public enum Severity: String, Sendable {
    case error, warning
  }

  /// Error or warning; a renderer colours them differently.
  public var severity: Severity
  /// The stable code shown in brackets, such as `E201`, that says which kind of problem it is.
  public var code: String
  /// The one-line message, without the code or the place.
  public var message: String
  /// The bytes of `source` the diagnostic points at; nil when it is about no place.
  public var range: SourceRange?
  /// The program text `range` is in, for the line and caret; nil when there is none.
  public var source: Source?
  /// Text shown after the caret, such as "did you mean 'userId'?".
  public var label: String?
  /// Further lines shown under the snippet, each starting with "= ".
  public var notes: [String]

  /// A diagnostic; only the code and the message are required.
  public init(
    severity: Severity = .error, code: String, message: String, range: SourceRange? = nil,
    source: Source? = nil, label: String? = nil, notes: [String] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.range = range
    self.source = source
    self.label = label
    self.notes = notes
  }
}

extension SyntaxErrors {
  /// One error diagnostic for each syntax error, pointing into the source.
  public var diagnostics: [Diagnostic] {
    errors.map { error in
      var label: String?
      if case .unclosed(let what, _, _) = error { label = "\(what) opened here and never closed" }
      return Diagnostic(
        code: error.code, message: error.message, range: error.range, source: source, label: label)
    }
  }
}
