import Foundation

/// Reads script files, refusing what is not UTF-8 text with a message that says why.
public enum ScriptFile {
  /// Why a script file cannot be run: unreadable, too large, or not UTF-8 text.
  public struct ReadError: Error, Sendable {
    /// The reason, for a diagnostic that names the file.
    public var message: String
  }

  /// Where `source PATH` finds its file: beside the sourcing file, unless absolute.
  public static func resolve(_ path: String, from sourceName: String) -> String {
    if path.hasPrefix("/") || !sourceName.contains("/") { return path }
    return URL(fileURLWithPath: sourceName).absoluteURL.deletingLastPathComponent().appendingPathComponent(path)
      .standardized.path
  }

  /// Larger script files are refused: a program is text a person wrote.
  public static let maximumSize = 16 << 20

  /// The text of a script file: a regular file of at most `maximumSize`, in UTF-8.
  public static func read(_ path: String) throws(ReadError) -> String {
    let bytes: [UInt8]
    do throws(RegularFile.Problem) {
      bytes = try RegularFile.read(path, limit: maximumSize)
    } catch .tooLarge {
      throw ReadError(message: "it is larger than \(maximumSize >> 20) MiB, the most a script may be")
    } catch {
      throw ReadError(message: error.message)
    }
    return try decode(bytes)
  }

  /// UTF-8 text without a byte-order mark, or an error naming the first bad byte.
  public static func decode(_ bytes: [UInt8]) throws(ReadError) -> String {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    guard let text = String(validating: body, as: UTF8.self) else {
      var offset = 0
      var decoder = UTF8()
      var iterator = body.makeIterator()
      loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): offset += String(scalar).utf8.count
        case .emptyInput, .error: break loop
        }
      }
      throw ReadError(message: "the file is not valid UTF-8 text (bad byte at offset \(offset))")
    }
    return text
  }
}
