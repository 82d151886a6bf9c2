/// Draws a diagnostic the way the language page shows it: the message, the place,
/// the source line and a caret under the offending columns.
///
/// Everything shown is terminal-safe (`TerminalText`), secret-like literals in the echoed
/// source line are masked (`SecretText`), and a long line is shown as a window around the
/// caret, so one diagnostic costs time and output in proportion to its line, at most.
public struct DiagnosticRenderer: Sendable {
  /// Whether to colour the severity and the caret with ANSI escapes.
  public var color: Bool

  /// A renderer that colours its output only when `color` is true.
  public init(color: Bool) { self.color = color }

  /// A source line longer than this many characters is cut to a window around the caret.
  static let widestSnippet = 160
  /// How many characters of a cut line are shown before the caret.
  static let contextBeforeCaret = 40

  /// The first `limit` diagnostics, each followed by a newline, then one line saying how many
  /// more there were ("… and 3 more errors"), if any.
  public func render(all diagnostics: [Diagnostic], limit: Int = 20) -> String {
    let shown = diagnostics.prefix(max(0, limit))
    var output = shown.map { render($0) + "\n" }.joined()
    let rest = diagnostics.dropFirst(shown.count)
    guard !rest.isEmpty else { return output }
    let severities = Set(rest.map(\.severity))
    let noun = severities.count > 1 ? "diagnostic" : (severities.first ?? .error).rawValue
    output += "… and \(rest.count) more \(noun)\(rest.count == 1 ? "" : "s")\n"
    return output
  }

  /// One diagnostic as lines of text without a trailing newline: `error[E201]: message`, then (when
  /// it has a place) the file, line and column, the source line and a caret under the range, then
  /// the notes.
  public func render(_ diagnostic: Diagnostic) -> String {
    let tint = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
    let message = TerminalText.escaped(diagnostic.message, keepNewlines: true)
    var lines = [
      paint("\(diagnostic.severity.rawValue)[\(safe(diagnostic.code))]", tint) + paint(": \(message)", "\u{1B}[1m")
    ]
    let notes = diagnostic.notes.map { TerminalText.escaped($0, keepNewlines: true) }
    guard let source = diagnostic.source, let range = diagnostic.range else {
      lines += notes.map { "  = \($0)" }
      return lines.joined(separator: "\n")
    }
    let start = source.location(of: range.start)
    let snippet = Snippet(source: source, lineStart: start.lineStart, range: range)
    let gutter = String(repeating: " ", count: String(start.line).count)
    lines.append("\(gutter)\(paint("-->", "\u{1B}[34m")) \(safe(source.name)):\(start.line):\(start.column)")
    lines.append("\(gutter) \(paint("|", "\u{1B}[34m"))")
    lines.append("\(paint(String(start.line), "\u{1B}[34m")) \(paint("|", "\u{1B}[34m")) \(snippet.text)")
    let caret = String(repeating: " ", count: snippet.caretColumn) + String(repeating: "^", count: snippet.caretWidth)
    let label = diagnostic.label.map { " " + safe($0) } ?? ""
    lines.append("\(gutter) \(paint("|", "\u{1B}[34m")) \(paint(caret + label, tint))")
    lines += notes.map { "\(gutter) = \($0)" }
    return lines.joined(separator: "\n")
  }

  private func safe(_ text: String) -> String { TerminalText.escaped(text, keepNewlines: false) }

  private func paint(_ text: String, _ code: String) -> String {
    color ? code + text + "\u{1B}[0m" : text
  }
}

/// The source line as echoed under a diagnostic (tabs as spaces, controls escaped, secrets
/// masked, cut around the caret when long) and where the caret goes on it.
struct Snippet {
  var text: String
  /// Characters before the caret.
  var caretColumn: Int
  var caretWidth: Int

  init(source: Source, lineStart: Int, range: SourceRange) {
    let line = source.lineText(startingAt: lineStart)
    let bytes = Array(line.utf8)
    let masks = SecretText.spans(in: line).map {
      (
        line.utf8.distance(from: line.startIndex, to: $0.lowerBound),
        line.utf8.distance(from: line.startIndex, to: $0.upperBound), SecretText.maskedText(line[$0])
      )
    }
    var lower = min(max(0, range.start - lineStart), bytes.count)
    var upper = min(max(lower, range.end - lineStart), bytes.count)
    for (maskStart, maskEnd, _) in masks {
      if maskStart < lower, lower < maskEnd { lower = maskStart }
      if maskStart < upper, upper < maskEnd { upper = maskEnd }
    }
    /// The display text of the line's first `count` bytes; `count` is never inside a mask.
    func display(upTo count: Int) -> String {
      var text = ""
      var position = 0
      for (maskStart, maskEnd, shown) in masks where maskEnd <= count {
        text += Self.plain(bytes[position..<maskStart]) + shown
        position = maskEnd
      }
      return text + Self.plain(bytes[position..<max(position, count)])
    }
    let whole = Array(display(upTo: bytes.count))
    let first = display(upTo: lower).count
    let last = max(first + 1, display(upTo: upper).count)
    guard whole.count > DiagnosticRenderer.widestSnippet else {
      text = String(whole)
      caretColumn = first
      caretWidth = min(last, whole.count + 1) - first
      return
    }
    let left = max(
      0, min(first - DiagnosticRenderer.contextBeforeCaret, whole.count - DiagnosticRenderer.widestSnippet))
    let right = min(whole.count, left + DiagnosticRenderer.widestSnippet)
    let lead = left > 0 ? "…" : ""
    text = lead + String(whole[left..<right]) + (right < whole.count ? "…" : "")
    caretColumn = first - left + lead.count
    caretWidth = max(1, min(last, right + 1) - first)
  }

  private static func plain(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\t", with: " ")
    return TerminalText.escaped(text, keepNewlines: false)
  }
}
