import Foundation

/// Reads script files, refusing what is not UTF-8 text with a message that says why.
public enum ScriptFile {
  public struct ReadError: Error, Sendable {
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

  public static func read(_ path: String) throws(ReadError) -> String {
    // Only regular files: `source "/dev/zero"` or a FIFO would never end.
    if let attributes = try? FileManager.default.attributesOfItem(atPath: path) {
      guard attributes[.type] as? FileAttributeType == .typeRegular else {
        let isDirectory = attributes[.type] as? FileAttributeType == .typeDirectory
        throw ReadError(message: isDirectory ? "it is a directory" : "it is not a regular file")
      }
      if let size = attributes[.size] as? Int, size > maximumSize {
        throw ReadError(message: "it is larger than \(maximumSize >> 20) MiB")
      }
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
        throw ReadError(message: isDirectory.boolValue ? "it is a directory" : "it is not readable")
      }
      throw ReadError(message: "no such file")
    }
    return try decode(Array(data))
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
