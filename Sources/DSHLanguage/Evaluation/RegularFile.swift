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
    /// The file grew while it was read.
    case changed
    /// The task was cancelled (Ctrl-C) while reading.
    case interrupted

    var message: String {
      switch self {
      case .system(let reason): return reason
      case .directory: return "it is a directory"
      case .notRegular: return "it is not a regular file"
      case .tooLarge: return "it is too large"
      case .changed: return "it grew while it was read; try again once it is complete"
      case .interrupted: return "interrupted"
      }
    }
  }

  /// The file's bytes; more than `limit` is `.tooLarge`, or with `prefixOnly` cut there.
  static func read(_ path: String, limit: Int, prefixOnly: Bool = false) throws(Problem) -> [UInt8] {
    let (descriptor, size) = try openRegular(path)
    defer { close(descriptor) }
    if !prefixOnly, size > limit { throw .tooLarge }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(size, limit) + 1)
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

  /// The file's bytes (at most `limit`) in memory that the reader gives back as it goes.
  static func load(_ path: String, limit: Int) throws(Problem) -> PagedBuffer {
    let (descriptor, size) = try openRegular(path)
    defer { close(descriptor) }
    guard size <= limit else { throw .tooLarge }
    // One byte more than the file had: a file that grew while it was read is noticed.
    guard let buffer = PagedBuffer(capacity: size + 1) else { throw .system(reason(ENOMEM)) }
    while buffer.count < buffer.capacity {
      if Task.isCancelled { throw .interrupted }
      let free = buffer.free
      let count = Glibc.read(descriptor, free.baseAddress, min(free.count, 1 << 20))
      if count < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        throw .system(reason(errno))
      }
      if count == 0 { return buffer }
      buffer.didFill(count)
    }
    throw .changed
  }

  /// The file opened for reading, refused unless it is a regular file, and its size.
  private static func openRegular(_ path: String) throws(Problem) -> (descriptor: Int32, size: Int) {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw .system(reason(errno)) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      let code = errno
      close(descriptor)
      throw .system(reason(code))
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return (descriptor, Int(info.st_size))
    case S_IFDIR:
      close(descriptor)
      throw .directory
    default:
      close(descriptor)
      throw .notRegular
    }
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
