import DSHLanguage
import DSHShell
import DocSpaceVerbs
import LineEditor

/// The REPL's reader on a terminal: libedit, with Tab answered by the completer.
final class EditLineReader: LineReader {
  let editor: LineEditor
  private var state = CompletionState()
  private var fetch: ((Set<CompletionSource>) -> PortalConnection.Known?)?

  init(history: [String], editor mode: String) {
    editor = LineEditor(program: "dsh", editor: mode)
    for entry in history { editor.addHistory(entry) }
    editor.completion = { [unowned self] before in
      var result = Completer.complete(before, state: self.state)
      if !result.sources.isEmpty, let known = self.fetch?(result.sources) {
        self.state.update(from: known)
        result = Completer.complete(before, state: self.state)
      }
      return LineEditor.Completion(
        replacing: result.replacing, candidates: result.candidates.map { ($0.text, $0.description) })
    }
  }

  func read(prompt: String) -> LineInput {
    switch editor.read(prompt: prompt) {
    case .line(let text): return .line(text)
    case .end: return .end
    case .interrupted: return .interrupted
    }
  }

  func remember(_ entry: String) { editor.addHistory(entry) }
  func replaceHistory(_ entries: [String]) { editor.replaceHistory(entries) }
  func setCompletionState(_ state: CompletionState) { self.state = state }
  func setCompletionFetch(_ fetch: @escaping (Set<CompletionSource>) -> PortalConnection.Known?) { self.fetch = fetch }
  func setEditor(_ mode: String) { editor.setEditor(mode) }
}
