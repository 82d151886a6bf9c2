#if canImport(Glibc)
  import Glibc
#endif

/// The one way dsh reads a file it is given (a script, a sourced file, `open`): only a
/// regular file, checked on the opened descriptor, and at most `limit` bytes, so that
/// `/dev/zero`, a FIFO or a huge file can neither hang nor exhaust it.
enum RegularFile {
  enum Problem: Error {
    /// The system refused (no such file, permission denied, …), in words.
    case system(String)
    case directory
    case notRegular
    case tooLarge
    /// The task was cancelled (Ctrl-C) while reading.
    case interrupted

    var message: String {
      switch self {
      case .system(let reason): return reason
      case .directory: return "it is a directory"
      case .notRegular: return "it is not a regular file"
      case .tooLarge: return "it is too large"
      case .interrupted: return "interrupted"
      }
    }
  }

  /// The file's bytes; more than `limit` is `.tooLarge`, or with `prefixOnly` cut there.
  static func read(_ path: String, limit: Int, prefixOnly: Bool = false) throws(Problem) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw .system(reason(errno)) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw .system(reason(errno)) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .directory
    default: throw .notRegular
    }
    if !prefixOnly, info.st_size > limit { throw .tooLarge }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while bytes.count <= limit {
      if Task.isCancelled { throw .interrupted }
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .system(reason(errno))
      }
      if count == 0 { break }
      bytes += chunk[..<count]
    }
    if bytes.count > limit {
      guard prefixOnly else { throw .tooLarge }
      bytes.removeSubrange(limit...)
    }
    return bytes
  }

  /// An errno in words.
  static func reason(_ code: Int32) -> String {
    switch code {
    case ENOENT, ENOTDIR: return "no such file"
    case EACCES, EPERM: return "it is not readable (permission denied)"
    case EISDIR: return "it is a directory"
    case ELOOP: return "too many symbolic links"
    default: return String(cString: strerror(code))
    }
  }
}
