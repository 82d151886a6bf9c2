import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Files as `open` and `save` read and write them: bounded, with errors that name the file
/// and say what is wrong in words.
public enum DataFile {
  /// The most `open` reads: 256 MiB.
  static let maximumBytes = 256 << 20
  static let maximumText = "256 MiB"

  /// How `save` opens its file.
  public enum WriteMode: Sendable {
    /// A new file; an existing one is refused.
    case create
    /// A new file, or an existing one emptied first (`--force`).
    case replace
    /// Added to the end of the file, created if missing (`--append`).
    case append
  }

  /// `~` and `~/…` start at the home directory; other paths are used as they are (relative
  /// ones from the working directory).
  public static func expand(_ path: String, home: String?) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    let base =
      home ?? ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    return base + path.dropFirst()
  }

  /// The extension that decides the format: `json`, `csv`, or anything else, lowercased.
  static func kind(of path: String) -> String {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "" }
    return path[path.index(after: dot)...].lowercased()
  }

  static func failure(_ shown: String, _ problem: String, help: String? = nil) -> CommandFailure {
    CommandFailure(.runtime, "cannot open '\(shown)': \(problem)", help: help, argument: .positional(0))
  }

  /// The bytes of a regular file, at most `limit` of them (more is an error, or, with
  /// `prefixOnly`, cut there).
  static func read(
    _ path: String, shownAs shown: String, limit: Int = maximumBytes, prefixOnly: Bool = false
  ) throws -> [UInt8] {
    try reading(shown) { () throws(RegularFile.Problem) in
      try RegularFile.read(path, limit: limit, prefixOnly: prefixOnly)
    }
  }

  /// The bytes of a regular file of at most `maximumBytes`, in memory that a parser gives
  /// back as it goes.
  static func load(_ path: String, shownAs shown: String) throws -> PagedBuffer {
    try reading(shown) { () throws(RegularFile.Problem) in try RegularFile.load(path, limit: maximumBytes) }
  }

  /// What `read` gives, with its problems in `open`'s words.
  private static func reading<T>(_ shown: String, _ read: () throws(RegularFile.Problem) -> T) throws -> T {
    do throws(RegularFile.Problem) {
      return try read()
    } catch .tooLarge {
      throw tooLarge(shown)
    } catch .interrupted {
      throw CancellationError()
    } catch .notRegular {
      throw failure(shown, RegularFile.Problem.notRegular.message, help: "open - reads standard input")
    } catch {
      throw failure(shown, error.message)
    }
  }

  static func tooLarge(_ shown: String) -> CommandFailure {
    failure(shown, "it is larger than \(maximumText), the most open reads", help: "split the file, or filter it first")
  }

  /// Writes `bytes` as `mode` says.
  ///
  /// A file this creates gets mode 0600 (only its owner may read it); an existing file keeps its
  /// mode.
  public static func write(
    _ bytes: [UInt8], to path: String, shownAs shown: String, mode: WriteMode,
    argument: CommandFailure.ArgumentRef = .positional(0)
  ) throws {
    func failure(_ problem: String, help: String? = nil) -> CommandFailure {
      CommandFailure(.runtime, "cannot save to '\(shown)': \(problem)", help: help, argument: argument)
    }
    var existing = stat()
    let exists = stat(path, &existing) == 0
    if exists, existing.st_mode & S_IFMT == S_IFDIR { throw failure("it is a directory") }
    // A pipe or socket would block the write until someone reads it.
    if exists, existing.st_mode & S_IFMT != S_IFREG, existing.st_mode & S_IFMT != S_IFCHR {
      throw failure("it is not a regular file")
    }
    var flags = O_WRONLY | O_CREAT | O_CLOEXEC
    switch mode {
    case .create: flags |= O_EXCL
    case .replace: flags |= O_TRUNC
    case .append: flags |= O_APPEND
    }
    let descriptor = open(path, flags, 0o600)
    guard descriptor >= 0 else {
      let code = errno
      if code == EEXIST {
        throw failure("the file exists", help: "--force replaces it, --append adds to it")
      }
      if code == ENOENT || code == ENOTDIR { throw failure("no such directory") }
      throw failure(
        code == EACCES || code == EPERM ? "it is not writable (permission denied)" : RegularFile.reason(code))
    }
    defer { close(descriptor) }
    if !exists { fchmod(descriptor, 0o600) }
    var written = 0
    while written < bytes.count {
      let count = bytes[written...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw failure(RegularFile.reason(errno))
      }
      written += count
    }
  }
}
