/// A message for the user about a place in a source, ready to render.
public struct Diagnostic: Sendable {
  public enum Severity: String, Sendable {
    case error, warning
  }

  public var severity: Severity
  public var code: String
  public var message: String
  public var range: SourceRange?
  public var source: Source?
  /// Text shown after the caret, e.g. "did you mean 'userId'?".
  public var label: String?
  /// Further lines shown under the snippet, each starting with "= ".
  public var notes: [String]

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
  public var diagnostics: [Diagnostic] {
    errors.map { error in
      var label: String?
      if case .unclosed(let what, _, _) = error { label = "\(what) opened here and never closed" }
      return Diagnostic(
        code: error.code, message: error.message, range: error.range, source: source, label: label)
    }
  }
}
