#if canImport(Glibc)
  import Glibc
#endif

/// Memory for a file's bytes that a reader gives back to the system page by page as it
/// moves past them, so that parsing a large file never holds all of its text and all that
/// was made of it at once.
///
/// The memory is the process's own (anonymous pages filled by `read`), not a mapping of the
/// file: a file truncated while it is parsed cannot fault the reader.
final class PagedBuffer {
  let capacity: Int
  private(set) var count = 0
  private let base: UnsafeMutableRawPointer
  private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Room for `capacity` bytes, or nil when the system has no memory for it.
  init?(capacity: Int) {
    let size = max(capacity, 1)
    guard let memory = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      memory != MAP_FAILED
    else { return nil }
    self.capacity = size
    base = memory
  }

  deinit { munmap(base, capacity) }

  /// The bytes read so far; those before the last `release` must not be read.
  var bytes: UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
  }

  /// Room left, for `read` to fill; `didFill` counts what it wrote.
  var free: UnsafeMutableRawBufferPointer {
    UnsafeMutableRawBufferPointer(start: base + count, count: capacity - count)
  }

  func didFill(_ bytes: Int) { count += bytes }

  /// The highest page boundary at or below `offset`: what `release(before:)` gives back.
  func pageBoundary(atOrBelow offset: Int) -> Int { offset / Self.pageSize * Self.pageSize }

  /// Gives back the pages before `boundary` (a page boundary); they read as zeros after.
  func release(before boundary: Int) {
    guard boundary > 0 else { return }
    madvise(base, min(boundary, capacity), MADV_DONTNEED)
  }
}
