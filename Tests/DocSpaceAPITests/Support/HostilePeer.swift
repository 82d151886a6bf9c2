import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// An HTTP/1.1 peer on 127.0.0.1 (port 0) that answers as a test tells it, hostile answers
/// included, and records every request it read.
///
/// One thread accepts, one thread serves each connection; every wait polls at most 100 ms, so
/// `stop()` ends them all promptly, and a connection is dropped after `connectionLifetime` whatever
/// happens.
final class HostilePeer: @unchecked Sendable {
  let port: Int
  /// Where it listens: `http://127.0.0.1:PORT`.
  let url: URL
  static let connectionLifetime: Duration = .seconds(90)

  private let replies: [PeerReply]
  private let listener: Int32
  private let threads = DispatchGroup()
  private let lock = NSLock()
  private var received: [ReceivedRequest] = []
  private var accepted = 0
  private var serving = 0
  private var stopping = false

  /// Answers the n-th request with `replies[n]`, and every later one with the last reply.
  init(_ replies: [PeerReply]) throws {
    precondition(!replies.isEmpty, "a peer needs at least one reply")
    self.replies = replies
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw PeerError("socket failed: errno \(errno)") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(descriptor, pointer, length) == 0 && listen(descriptor, 16) == 0
          && getsockname(descriptor, pointer, &length) == 0
      }
    }
    let port = Int(UInt16(bigEndian: address.sin_port))
    guard bound, fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) == 0,
      let url = URL(string: "http://127.0.0.1:\(port)")
    else {
      close(descriptor)
      throw PeerError("cannot listen on 127.0.0.1: errno \(errno)")
    }
    listener = descriptor
    self.port = port
    self.url = url
    threads.enter()
    Thread { [self] in
      acceptLoop()
      threads.leave()
    }.start()
  }

  convenience init(_ replies: PeerReply...) throws { try self.init(replies) }

  /// Every request read so far, in order.
  var requests: [ReceivedRequest] { lock.withLock { received } }
  /// How many TCP connections were accepted.
  var connectionCount: Int { lock.withLock { accepted } }
  /// How many connections are being served now.
  var servingCount: Int { lock.withLock { serving } }

  /// Whether every connection has ended within `seconds` (polled every 10 ms).
  func becomesIdle(within seconds: Double) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while servingCount > 0 {
      guard ContinuousClock.now < deadline else { return false }
      try? await Task.sleep(for: .milliseconds(10))
    }
    return true
  }

  /// Stops accepting, ends every connection and waits (at most 5 s) for its threads.
  func stop() async {
    lock.withLock { stopping = true }
    let ended = await withCheckedContinuation { continuation in
      DispatchQueue.global().async { [threads] in
        continuation.resume(returning: threads.wait(timeout: .now() + 5) == .success)
      }
    }
    if !ended { Issue.record("the peer's threads did not end within 5 s of stop()") }
  }

  private var isStopping: Bool { lock.withLock { stopping } }

  // MARK: Accepting and serving

  private func acceptLoop() {
    defer { close(listener) }
    while !isStopping {
      var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 100) > 0 else { continue }
      let connection = accept(listener, nil, nil)
      guard connection >= 0 else { continue }
      lock.withLock {
        accepted += 1
        serving += 1
      }
      threads.enter()
      Thread { [self] in
        serve(connection, deadline: .now + Self.connectionLifetime)
        close(connection)
        lock.withLock { serving -= 1 }
        threads.leave()
      }.start()
    }
  }

  private func serve(_ connection: Int32, deadline: ContinuousClock.Instant) {
    // Writes wait at most 100 ms at a time, so a client that stops reading cannot hold a thread.
    var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
    setsockopt(connection, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    let socket = PeerSocket(descriptor: connection, deadline: deadline) { [self] in isStopping }
    guard let request = socket.readRequest() else { return }
    let reply = lock.withLock {
      received.append(request)
      return replies[min(received.count - 1, replies.count - 1)]
    }
    switch reply {
    case .raw(let bytes):
      _ = socket.write(bytes)
    case .answer(let status, let headers, let body):
      let head = ["HTTP/1.1 \(status) Peer"] + headers + ["Content-Length: \(body.count)", "Connection: close"]
      _ = socket.write(Array((head.joined(separator: "\r\n") + "\r\n\r\n").utf8) + body)
    case .trickle:
      guard socket.write(Self.head(["Content-Length: 1000000"])) else { return }
      while socket.stillOpen(after: .milliseconds(100)), socket.write([UInt8(ascii: " ")]) {}
    case .stalledBody:
      guard socket.write(Self.head(["Content-Length: 100"])) else { return }
      while socket.stillOpen(after: .milliseconds(100)) {}
    case .stalledHead:
      while socket.stillOpen(after: .milliseconds(100)) {}
    case .endlessBody(let chunked):
      let block = [UInt8](repeating: UInt8(ascii: " "), count: 65536)
      let piece = chunked ? Array("10000\r\n".utf8) + block + Array("\r\n".utf8) : block
      guard socket.write(Self.head([chunked ? "Transfer-Encoding: chunked" : "Content-Length: 1099511627776"]))
      else { return }
      while socket.write(piece) {}
    case .closeAfterRequest:
      return
    }
  }

  private static func head(_ framing: [String]) -> [UInt8] {
    let lines = ["HTTP/1.1 200 OK", "Content-Type: application/json"] + framing + ["Connection: close"]
    return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
  }
}

struct PeerError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
