/// A host that knows how wide the terminal its output goes to is.
public protocol TerminalSized {
  /// The terminal's columns; `Int.max` where output is not a terminal and nothing says how wide.
  var columns: Int { get }
}

extension Invocation {
  /// How wide the output's terminal is: for text a command lays out itself, such as help.
  ///
  /// `Int.max` where the host does not say.
  public var columns: Int { (host as? any TerminalSized)?.columns ?? Int.max }
}
