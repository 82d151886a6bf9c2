import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Looks at the simulator's side of a TCP connection from inside the same process:
/// the test opens a connection, then finds the accepted socket among this process's
/// descriptors by its two ports and reads its options.
enum SocketProbe {
  /// Opens a connection to `port` on loopback, sends `request` and reads the first bytes
  /// of the answer (so the server has accepted it); the client socket and its local port.
  static func connect(port: Int, request: String) throws -> (socket: Int32, localPort: Int) {
    let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw ProbeError(description: "connect failed: errno \(errno)") }
    _ = request.withCString { send(client, $0, strlen($0), 0) }
    var buffer = [UInt8](repeating: 0, count: 64)
    guard recv(client, &buffer, buffer.count, 0) > 0 else { throw ProbeError(description: "no answer") }
    return (client, localPort(client, peer: false))
  }

  /// TCP_NODELAY of this process's socket that joins `serverPort` to `clientPort`.
  static func noDelayOfAcceptedSocket(serverPort: Int, clientPort: Int) -> Int32? {
    let descriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
    for descriptor in descriptors.compactMap(Int32.init) {
      guard localPort(descriptor, peer: false) == serverPort, localPort(descriptor, peer: true) == clientPort
      else { continue }
      var value: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      guard getsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &value, &length) == 0 else { return nil }
      return value
    }
    return nil
  }

  private static func localPort(_ descriptor: Int32, peer: Bool) -> Int {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let result = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        peer ? getpeername(descriptor, $0, &length) : getsockname(descriptor, $0, &length)
      }
    }
    guard result == 0, address.sin_family == sa_family_t(AF_INET) else { return -1 }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  struct ProbeError: Error, CustomStringConvertible {
    var description: String
  }
}
