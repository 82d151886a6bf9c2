import Foundation

/// Where dsh keeps its state, `$XDG_STATE_HOME/dsh` (default `$HOME/.local/state/dsh`), and the
/// names of the files in it: the journal, one REPL history per portal, the tour's step.
///
/// Only absolute values count: a relative XDG_STATE_HOME is ignored, as the XDG base directory
/// specification asks.
public struct StatePaths: Sendable {
  /// The directory; nil when neither XDG_STATE_HOME nor HOME (nor the `home` given) is an
  /// absolute path.
  public let directory: String?

  /// The directory `environment` names; `home` stands in for a HOME that is missing or not
  /// absolute.
  public init(environment: [String: String], home: String? = nil) {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
      directory = state + "/dsh"
    } else if let home = [environment["HOME"], home].compactMap({ $0 }).first(where: { $0.hasPrefix("/") }) {
      directory = home + "/.local/state/dsh"
    } else {
      directory = nil
    }
  }

  /// The bulk verbs' journal, `journal.jsonl`.
  public var journal: String? { file("journal.jsonl") }

  /// The step of the tour a person is on, `tour`.
  public var tour: String? { file("tour") }

  /// The REPL history of the portal `label` names, `history-<label>`.
  public func history(_ label: String) -> String? { file(Self.historyName(label)) }

  /// `history-<label>`, with every character but a letter, a digit, `-` and `.` as `_`.
  public static func historyName(_ label: String) -> String {
    "history-" + String(label.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" })
  }

  private func file(_ name: String) -> String? { directory.map { $0 + "/" + name } }
}
