import Foundation

/// A half-open range of UTF-8 byte offsets into a `Source`.
public struct SourceRange: Sendable, Hashable {
  /// The offset of the first byte in the range.
  public var start: Int
  /// The offset just past the last byte; never less than `start`.
  public var end: Int

  /// The bytes from `start` up to `end`; an `end` before `start` makes an empty range.
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = max(start, end)
  }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }
}

/// A piece of program text with the name it came from (a file path, `<repl>`, `<-c>`).
public struct Source: Sendable {
  /// Where the text came from, shown in diagnostics: a file path, `<repl:3>`, `<-c>`.
  public let name: String
  /// The program text itself.
  public let text: String
  let bytes: [UInt8]

  /// Program text named for diagnostics.
  public init(name: String, text: String) {
    self.name = name
    self.text = text
    self.bytes = Array(text.utf8)
  }

  /// The text covered by `range`.
  public func slice(_ range: SourceRange) -> String {
    let lower = min(max(0, range.start), bytes.count)
    let upper = min(max(lower, range.end), bytes.count)
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// 1-based line and character column of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int, lineStart: Int) {
    var line = 1
    var lineStart = 0
    let target = min(max(0, offset), bytes.count)
    for index in 0..<target where bytes[index] == UInt8(ascii: "\n") {
      line += 1
      lineStart = index + 1
    }
    let column = String(decoding: bytes[lineStart..<target], as: UTF8.self).count + 1
    return (line, column, lineStart)
  }

  /// The text of the line that starts at `lineStart`, without its line ending.
  public func lineText(startingAt lineStart: Int) -> String {
    var end = lineStart
    while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
    var text = String(decoding: bytes[lineStart..<end], as: UTF8.self)
    if text.hasSuffix("\r") { text.removeLast() }
    return text
  }
}
