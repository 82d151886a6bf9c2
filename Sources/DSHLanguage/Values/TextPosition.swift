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
    var line = 1
    var column = 1
    for (index, byte) in text.utf8.enumerated() {
      guard index < offset else { break }
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    self.init(line: line, column: column)
  }

  /// `line:column`, as diagnostics show it.
  public var description: String { "\(line):\(column)" }
}
