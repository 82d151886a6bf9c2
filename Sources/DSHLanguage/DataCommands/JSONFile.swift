/// A JSON file read by `open` with as little memory as it takes: the file's bytes are
/// parsed where they were read, and the pages the parser has passed are given back while
/// it goes, so that the peak is about what the values take, not that plus two copies of the
/// text.
struct JSONFile {
  let buffer: PagedBuffer
  let shown: String
  /// How far the parser moves on between two releases: at most this much text is held
  /// besides the values.
  var releaseStep = 1 << 20

  /// The file's value; bad JSON (or a string that is not UTF-8) is reported at FILE:LINE:COLUMN.
  func value() throws -> Value {
    let all = buffer.bytes
    let start = all.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let body = UnsafeBufferPointer(rebasing: all[start...])
    // Where the released bytes ended: positions in an error count from there.
    var passed = TextPosition(line: 1, column: 1)
    var passedOffset = 0
    do throws(JSON.ParseError) {
      return try JSON.parse(utf8: body, releasingEvery: releaseStep) { offset in
        let boundary = buffer.pageBoundary(atOrBelow: start + offset) - start
        guard boundary > passedOffset else { return }
        passed.advance(over: UnsafeBufferPointer(rebasing: body[passedOffset..<boundary]))
        passedOffset = boundary
        buffer.release(before: start + boundary)
      }
    } catch {
      passed.advance(
        over: UnsafeBufferPointer(rebasing: body[passedOffset..<min(max(error.offset, passedOffset), body.count)]))
      throw CommandFailure(.input, "\(shown):\(passed): invalid JSON: \(error.message)", argument: .positional(0))
    }
  }
}
