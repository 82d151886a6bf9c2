import Foundation

/// A request as it reached a `HostilePeer`.
struct ReceivedRequest: Sendable {
  struct Header: Sendable {
    var name: String
    var value: String
  }

  var method: String
  /// The request target, such as `/api/2.0/people/@self`.
  var path: String
  var headers: [Header]
  var body: Data

  /// The first value of the header `name` (any case).
  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  var bodyText: String { String(decoding: body, as: UTF8.self) }

  /// Parses a request head (`GET / HTTP/1.1` and header lines, without the blank line).
  init?(head: String, body: Data) {
    let lines = head.components(separatedBy: "\r\n")
    let requestLine = lines[0].split(separator: " ", omittingEmptySubsequences: false)
    guard requestLine.count == 3 else { return nil }
    method = String(requestLine[0])
    path = String(requestLine[1])
    headers = lines.dropFirst().compactMap { line in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return Header(
        name: String(line[..<colon]), value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    self.body = body
  }
}
