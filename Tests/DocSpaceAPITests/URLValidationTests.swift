import DocSpaceAPI
import Foundation
import Testing

/// Portal URLs are checked where they are given: scheme, host and port 1–65535.
@Suite struct URLValidationTests {
  @Test(arguments: [
    "https://portal.example.com:0", "https://portal.example.com:65536",
    "https://portal.example.com:99999999999999999999",
    "portal.example.com:70000",
  ])
  func aPortOutsideTheRangeIsRefused(_ text: String) {
    let error = refusal(of: text)
    #expect(error?.message.contains("port") == true, "\(String(describing: error?.message))")
    #expect(error?.message.contains("1-65535") == true, "\(String(describing: error?.message))")
  }

  @Test(arguments: [
    "ftp://portal.example.com", "file:///etc/passwd", "javascript:alert(1)", "https://", "https://:8080", "http:///x",
    "https://por tal.example.com", "https://portal\u{7}.example.com", "https://portal.example.com/\n",
    "https://portal.example.com/\u{1B}[2J", "",
  ])
  func aURLThatIsNoPortalIsRefused(_ text: String) {
    _ = refusal(of: text)
  }

  @Test(arguments: [
    ("https://portal.example.com", "https://portal.example.com"), ("portal.example.com", "https://portal.example.com"),
    ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
    ("https://portal.example.com:1", "https://portal.example.com:1"),
    ("https://portal.example.com:65535", "https://portal.example.com:65535"),
  ])
  func aPortalURLIsTaken(_ text: String, _ expected: String) throws {
    #expect(try PortalConfiguration.url(from: text).absoluteString == expected)
  }

  /// The `.invalidURL` that `text` is refused with; nil and an issue otherwise.
  private func refusal(of text: String, sourceLocation: SourceLocation = #_sourceLocation) -> APIError? {
    do {
      let url = try PortalConfiguration.url(from: text)
      Issue.record("accepted as \(url)", sourceLocation: sourceLocation)
      return nil
    } catch {
      guard case .invalidURL = error else {
        Issue.record("expected .invalidURL, got \(error)", sourceLocation: sourceLocation)
        return nil
      }
      return error
    }
  }
}
