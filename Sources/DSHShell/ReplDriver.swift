import DSHLanguage
import DocSpaceVerbs
import Foundation

/// One line of input, or why there is none.
public enum LineInput: Sendable, Equatable {
  case line(String)
  case end
  case interrupted
}

/// Where the REPL reads from: libedit on a terminal, plain lines otherwise, a script in tests.
public protocol LineReader: AnyObject {
  func read(prompt: String) -> LineInput
  /// Adds a finished entry to the in-memory history (recall with Up).
  func remember(_ entry: String)
  /// Sets what Tab offers.
  func setCompletionState(_ state: CompletionState)
  /// Gives Tab a way to fetch ids and emails from the portal, waiting only briefly.
  func setCompletionFetch(_ fetch: @escaping (Set<CompletionSource>) -> PortalConnection.Known?)
  /// Switches key bindings: "emacs" or "vi" (`set editor`).
  func setEditor(_ mode: String)
  /// Replaces the in-memory history (`connect` moved to another portal's).
  func replaceHistory(_ entries: [String])
}

extension LineReader {
  /// Readers that keep no history of their own have nothing to replace.
  public func replaceHistory(_ entries: [String]) {}
  /// Readers without Tab have nothing to fetch for.
  public func setCompletionFetch(_ fetch: @escaping (Set<CompletionSource>) -> PortalConnection.Known?) {}
}

/// The read-run loop: gathers continuation lines, keeps history, runs each entry through
/// the session, and stops on Ctrl-D or `exit`.
public final class ReplDriver {
  let session: Session
  let reader: LineReader
  let bridge: BlockingBridge
  let showPrompts: Bool
  private var currentEditor = "emacs"
  /// The portal whose history the session's store holds; `connect` elsewhere moves it.
  private var historyPortal: URL?

  /// A loop reading from `reader` into `session`; `showPrompts` is false when input is not a terminal.
  public init(session: Session, reader: LineReader, bridge: BlockingBridge, showPrompts: Bool) {
    self.session = session
    self.reader = reader
    self.bridge = bridge
    self.showPrompts = showPrompts
  }

  /// Reads and runs entries until end of input or `exit`; returns the last entry's exit status
  /// (130 for Ctrl-C without prompts).
  public func run() -> Int32 {
    var buffer = ""
    var lastCode: Int32 = 0
    var entryNumber = 0
    historyPortal = portalURL()
    if showPrompts {
      let session = self.session
      reader.setCompletionFetch { sources in session.completionFetch(sources, patience: Self.tabPatience) }
    }
    refreshCompletion()
    while true {
      let prompt = showPrompts ? (buffer.isEmpty ? primaryPrompt() : "... ") : ""
      switch reader.read(prompt: prompt) {
      case .end:
        return lastCode
      case .interrupted:
        // Ctrl-C at the prompt clears the line; without a prompt (input from a pipe) it stops.
        guard showPrompts else { return ExitCode.interrupted.rawValue }
        buffer = ""
        continue
      case .line(let line):
        buffer += (buffer.isEmpty ? "" : "\n") + line
        if Continuation.needsMore(buffer) { continue }
        let entry = buffer
        buffer = ""
        guard !entry.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
        entryNumber += 1
        let secret = HistoryStore.carriesSecret(entry)
        if !secret {
          reader.remember(entry)
          session.history?.append(entry)
        }
        let session = self.session
        let origin = showPrompts ? "<repl:\(entryNumber)>" : "<stdin>"
        let outcome = bridge.wait {
          let outcome = await session.run(entry, origin: origin)
          if outcome.code == ExitCode.success.rawValue && !secret { await session.interpreter.record(entry: entry) }
          return outcome
        }
        lastCode = outcome.code
        if outcome.exited { return outcome.code }
        if bridge.interruption.terminatingSignal != nil { return outcome.code }
        followPortal()
        refreshCompletion()
      }
    }
  }

  /// The longest a Tab waits on a fetch from the portal before it offers what it has.
  static let tabPatience: Duration = .milliseconds(150)

  private func refreshCompletion() {
    guard showPrompts else { return }
    let session = self.session
    let (state, editor) = bridge.wait { (await session.completionState(), await session.interpreter.settings.editor) }
    reader.setCompletionState(state)
    if editor != currentEditor {
      reader.setEditor(editor)
      currentEditor = editor
    }
  }

  private func portalURL() -> URL? {
    let session = self.session
    return bridge.wait { await session.portal.client?.configuration.baseURL }
  }

  /// After a `connect` to another portal (host or port), history goes to that portal's file.
  private func followPortal() {
    guard showPrompts, let history = session.history, let url = portalURL(), url != historyPortal else { return }
    historyPortal = url
    history.follow(url)
    reader.replaceHistory(history.load())
  }

  /// `dsh demo owner> `: the portal and who is signed in; `dsh demo (signed out)> ` once
  /// the shell's own session has ended (bare `connect` signs in again).
  func primaryPrompt() -> String {
    let session = self.session
    let (label, email, signedOut, lastLabel) = bridge.wait {
      (
        await session.portal.label, await session.portal.me?.email, await session.portal.isSignedOut,
        await session.portal.lastSignIn?.label
      )
    }
    let user = signedOut ? "(signed out)" : email?.split(separator: "@").first.map(String.init)
    // The label and the email come from a profile or the portal: no control byte in the prompt.
    let prompt = ["dsh", signedOut ? lastLabel ?? label : label, user].compactMap { $0 }.joined(separator: " ")
    return TerminalText.escaped(prompt, keepNewlines: false) + "> "
  }
}
