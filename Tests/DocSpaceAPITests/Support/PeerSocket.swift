import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One accepted connection of a `HostilePeer`: bounded reads and writes that give up when
/// the client has gone, the peer is stopping or the connection's deadline has passed.
struct PeerSocket {
  let descriptor: Int32
  let deadline: ContinuousClock.Instant
  let isStopping: () -> Bool

  static let maximumHead = 64 * 1024
  static let maximumBody = 1024 * 1024

  private var mayGoOn: Bool { !isStopping() && ContinuousClock.now < deadline }

  /// The request line, headers and a body of `Content-Length` bytes; nil when the client
  /// closed first or sent something too large.
  func readRequest() -> ReceivedRequest? {
    var bytes: [UInt8] = []
    let separator = Array("\r\n\r\n".utf8)
    var headEnd: Int?
    while headEnd == nil {
      guard bytes.count <= Self.maximumHead, let more = receive() else { return nil }
      bytes += more
      headEnd = bytes.indices.dropLast(3).first { Array(bytes[$0..<($0 + 4)]) == separator }
    }
    guard let headEnd else { return nil }
    let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
    guard var request = ReceivedRequest(head: head, body: Data()) else { return nil }
    let length = request.header("Content-Length").flatMap { Int($0) } ?? 0
    guard (0...Self.maximumBody).contains(length) else { return nil }
    let bodyStart = headEnd + 4
    while bytes.count - bodyStart < length {
      guard let more = receive() else { return nil }
      bytes += more
    }
    request.body = Data(bytes[bodyStart..<(bodyStart + length)])
    return request
  }

  /// Writes all of `bytes`; false when the client is gone or time is up.
  func write(_ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      guard mayGoOn else { return false }
      let written = bytes[offset...].withUnsafeBytes {
        send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
      }
      if written > 0 {
        offset += written
      } else if written < 0, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
        continue
      } else {
        return false
      }
    }
    return true
  }

  /// Waits `interval` (less if the client sends or closes), discarding anything it sends;
  /// false when the client has closed or time is up.
  func stillOpen(after interval: Duration) -> Bool {
    guard mayGoOn else { return false }
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(
      interval.components.seconds * 1000 + interval.components.attoseconds / 1_000_000_000_000_000)
    guard poll(&poller, 1, milliseconds) > 0 else { return mayGoOn }
    var scratch = [UInt8](repeating: 0, count: 4096)
    return recv(descriptor, &scratch, scratch.count, 0) > 0 && mayGoOn
  }

  /// The next bytes the client sent; nil when it closed or time is up.
  private func receive() -> [UInt8]? {
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while mayGoOn {
      guard poll(&poller, 1, 100) > 0 else { continue }
      var buffer = [UInt8](repeating: 0, count: 4096)
      let count = recv(descriptor, &buffer, buffer.count, 0)
      return count > 0 ? Array(buffer[..<count]) : nil
    }
    return nil
  }
}
