import Foundation

/// A token kept in a file (`--token-file`, a profile's `token-file`): read only when no one
/// but its owner can read it, as ssh does with private keys.
public enum TokenFile {
  /// Why a token file cannot be used: unreadable, readable by others, too large or empty.
  public struct Problem: Error, Sendable {
    /// What is wrong with the file, naming its path.
    public var message: String
    /// What to run or change to fix it, when there is one step that does.
    public var help: String?
  }

  /// The whole file, trimmed; at most 16 KiB.
  public static func read(_ path: String) throws(Problem) -> String {
    var info = stat()
    guard stat(path, &info) == 0, let handle = FileHandle(forReadingAtPath: path) else {
      throw Problem(message: "cannot read the token file \(path)")
    }
    defer { try? handle.close() }
    guard info.st_mode & 0o077 == 0 else {
      throw Problem(message: "\(path) can be read by others", help: "run: chmod 600 \(path)")
    }
    let data = (try? handle.read(upToCount: 16 * 1024 + 1)) ?? Data()
    guard data.count <= 16 * 1024 else { throw Problem(message: "\(path) is too large to hold a token") }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
