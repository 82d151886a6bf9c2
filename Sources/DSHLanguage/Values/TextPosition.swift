/// A place in a text as people count it: line and column from 1, the column in characters
/// (Unicode scalars).
public struct TextPosition: Sendable, Equatable, CustomStringConvertible {
  /// The line, from 1.
  public var line: Int
  /// The column in characters, from 1.
  public var column: Int

  /// The position at `line` and `column`, both counted from 1.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  /// The position of the UTF-8 byte `offset` in `text` (clamped to its end).
  ///
  /// A `\n` (alone or after `\r`) ends a line.
  public init(utf8Offset offset: Int, in text: String) {
    self.init(line: 1, column: 1)
    var text = text
    text.withUTF8 { advance(over: UnsafeBufferPointer(rebasing: $0.prefix(max(offset, 0)))) }
  }

  /// Moves past UTF-8 `bytes`, in two plain passes that suit megabytes: the line breaks, then
  /// the characters after the last one.
  mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
    var lastBreak = -1
    var breaks = 0
    for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
      breaks += 1
      lastBreak = index
    }
    if breaks > 0 {
      line += breaks
      column = 1
    }
    for byte in bytes[(lastBreak + 1)...] where byte & 0xC0 != 0x80 { column += 1 }
  }

  /// `line:column`, as diagnostics show it.
  public var description: String { "\(line):\(column)" }
}
