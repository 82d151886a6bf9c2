/// Draws a diagnostic the way the language page shows it: the message, the place,
/// the source line and a caret under the offending columns.
public struct DiagnosticRenderer: Sendable {
  public var color: Bool

  public init(color: Bool) { self.color = color }

  public func render(_ diagnostic: Diagnostic) -> String {
    let tint = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;33m"
    var lines = [
      paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", tint) + paint(": \(diagnostic.message)", "\u{1B}[1m")
    ]
    guard let source = diagnostic.source, let range = diagnostic.range else {
      lines += diagnostic.notes.map { "  = \($0)" }
      return lines.joined(separator: "\n")
    }
    let start = source.location(of: range.start)
    let lineText = source.lineText(startingAt: start.lineStart).replacingOccurrences(of: "\t", with: " ")
    let gutter = String(repeating: " ", count: String(start.line).count)
    lines.append("\(gutter)\(paint("-->", "\u{1B}[34m")) \(source.name):\(start.line):\(start.column)")
    lines.append("\(gutter) \(paint("|", "\u{1B}[34m"))")
    lines.append("\(paint(String(start.line), "\u{1B}[34m")) \(paint("|", "\u{1B}[34m")) \(lineText)")
    let lineLength = lineText.count
    let end = source.location(of: range.end)
    let endColumn = end.line == start.line ? end.column : lineLength + 1
    let width = max(1, min(endColumn, lineLength + 1) - start.column)
    let caret = String(repeating: " ", count: start.column - 1) + String(repeating: "^", count: width)
    let label = diagnostic.label.map { " " + $0 } ?? ""
    lines.append("\(gutter) \(paint("|", "\u{1B}[34m")) \(paint(caret + label, tint))")
    lines += diagnostic.notes.map { "\(gutter) = \($0)" }
    return lines.joined(separator: "\n")
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? code + text + "\u{1B}[0m" : text
  }
}
