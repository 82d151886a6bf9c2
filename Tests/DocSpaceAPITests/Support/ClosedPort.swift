import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A loopback port that refuses connections: bound (so nothing else takes it) but not
/// listening, for as long as `body` runs.
func withClosedPort<T>(body: (URL) async throws -> T) async throws -> T {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  guard descriptor >= 0 else { throw PeerError("socket failed: errno \(errno)") }
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = inet_addr("127.0.0.1")
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  let bound = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
    }
  }
  guard bound, let url = URL(string: "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))") else {
    throw PeerError("cannot bind a loopback port: errno \(errno)")
  }
  return try await body(url)
}
