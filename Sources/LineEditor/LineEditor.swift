import CEditLine
import Foundation

/// A libedit line editor: prompt, emacs or vi keys, in-memory history, and a Tab handler that asks
/// `completion` for candidates.
///
/// Use it from one thread only (the start thread).
public final class LineEditor {
  /// What Tab offers for the text before the cursor.
  public struct Completion {
    /// How many characters before the cursor each candidate replaces.
    public var replacing: Int
    /// The candidates, each with a note shown beside it when Tab lists them.
    public var candidates: [(text: String, description: String)]

    /// A completion replacing `replacing` characters with one of `candidates`.
    public init(replacing: Int, candidates: [(text: String, description: String)]) {
      self.replacing = replacing
      self.candidates = candidates
    }
  }

  /// What one read got: a line, the end of input (Ctrl-D), or an interruption (Ctrl-C).
  public enum Input: Equatable {
    case line(String)
    case end
    case interrupted
  }

  /// Called on Tab with the text before the cursor; nil turns completion off.
  public var completion: ((String) -> Completion)?
  private let editLine: OpaquePointer
  private let history: OpaquePointer
  private var promptBuffer: UnsafeMutablePointer<CChar>

  /// Sets up libedit on the terminal; reads `~/.editrc` before binding Tab (a `bind -v`
  /// there would reset the keymap).
  public init(program: String, editor: String = "emacs") {
    dsh_setlocale()
    editLine = dsh_el_init(program)
    history = dsh_history_init()
    promptBuffer = strdup("> ")
    dsh_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
    dsh_el_set_prompt(editLine) { editLine in
      guard let editLine, let data = dsh_el_get_clientdata(editLine) else { return nil }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptBuffer
    }
    dsh_el_set_editor(editLine, editor)
    dsh_el_set_history(editLine, history)
    dsh_el_set_signal(editLine, 1)
    dsh_el_source(editLine, nil)
    dsh_el_add_function(editLine, "dsh-complete", "complete the word before the cursor") { editLine, _ in
      guard let editLine, let data = dsh_el_get_clientdata(editLine) else { return 6 }
      return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().completeAtCursor()
    }
    bindKeys()
  }

  /// Tab and Ctrl-R, bound again whenever the keymap is reset.
  private func bindKeys() {
    dsh_el_bind(editLine, "^I", "dsh-complete")
    dsh_el_bind(editLine, "^R", "em-inc-search-prev")
  }

  deinit {
    el_end(editLine)
    history_end(history)
    free(promptBuffer)
  }

  /// Switches to "emacs" or "vi" keys; this resets the keymap, so our keys are bound again.
  public func setEditor(_ mode: String) {
    dsh_el_set_editor(editLine, mode)
    bindKeys()
  }

  /// Reads one line.
  ///
  /// Ctrl-C gives `.interrupted` (the line is cleared), Ctrl-D on an empty line `.end`.
  public func read(prompt: String) -> Input {
    free(promptBuffer)
    promptBuffer = strdup(prompt)
    var count: Int32 = 0
    let line: UnsafePointer<CChar>? = InterruptGate.unblocked {
      errno = 0
      return dsh_el_gets(editLine, &count)
    }
    guard let line, count > 0 else {
      if count < 0 || errno == EINTR {
        el_reset(editLine)
        FileHandle.standardOutput.write(Data("\n".utf8))
        return .interrupted
      }
      FileHandle.standardOutput.write(Data("\n".utf8))
      return .end
    }
    var text = String(cString: line)
    while text.last == "\n" || text.last == "\r" { text.removeLast() }
    return .line(text)
  }

  /// Adds an entry to the in-memory history (recalled with Up), without trailing blanks; blank entries
  /// are skipped.
  public func addHistory(_ entry: String) {
    var trimmed = entry
    while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
    guard !trimmed.isEmpty else { return }
    dsh_history_enter(history, trimmed)
  }

  /// Forgets the remembered lines and remembers `entries` instead (after `connect` moves
  /// the shell to another portal's history).
  public func replaceHistory(_ entries: [String]) {
    dsh_history_clear(history)
    for entry in entries { addHistory(entry) }
  }

  private func completeAtCursor() -> UInt8 {
    var start: UnsafePointer<CChar>?
    let offset = Int(dsh_el_cursor_offset(editLine, &start))
    guard let start, let completion else { return 6 }
    let bytes = UnsafeRawBufferPointer(start: start, count: offset)
    let before = String(decoding: bytes, as: UTF8.self)
    let reply = completion(before)
    guard !reply.candidates.isEmpty else { return 6 }
    let typed = String(before.suffix(reply.replacing))
    let common = Self.commonPrefix(reply.candidates.map(\.text))
    if reply.candidates.count == 1 {
      replace(typed, with: reply.candidates[0].text + " ")
      return 4
    }
    if common.count > typed.count {
      replace(typed, with: common)
      return 4
    }
    let width = reply.candidates.map(\.text.count).max() ?? 0
    var listing = "\n"
    for candidate in reply.candidates.prefix(40) {
      listing +=
        candidate.text.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + candidate.description + "\n"
    }
    if reply.candidates.count > 40 { listing += "… \(reply.candidates.count - 40) more\n" }
    FileHandle.standardOutput.write(Data(listing.utf8))
    return 8
  }

  private func replace(_ typed: String, with text: String) {
    if !typed.isEmpty { el_deletestr(editLine, Int32(typed.count)) }
    el_insertstr(editLine, text)
  }

  static func commonPrefix(_ texts: [String]) -> String {
    guard var prefix = texts.first else { return "" }
    for text in texts.dropFirst() {
      while !text.hasPrefix(prefix) { prefix.removeLast() }
    }
    return prefix
  }
}
