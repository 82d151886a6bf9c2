import Foundation
import Testing

@testable import DocSpaceAPI

/// How a route's placeholders and query values are written into a request's path.
@Suite struct PathEncodingTests {
  @Test func aValueIsEncodedAsFoundationEncodesAQueryValueWithoutItsSeparators() {
    var allowed = CharacterSet.urlQueryAllowed
    allowed.remove(charactersIn: "&=+?/#")
    let printable = String((32...126).map { Character(Unicode.Scalar(UInt8($0))) })
    for text in [printable, "ann b", "a+b@example.com", "Zoë Ωmega 日本", "tab\there\nnewline", "", "100%"] {
      #expect(Endpoint.encode(text) == text.addingPercentEncoding(withAllowedCharacters: allowed), "\(text)")
    }
  }

  @Test func eachPlaceholderIsFilledAndAnUnknownOneKept() {
    #expect(
      Endpoint.fill("/a/{x}/b/{y}/{z}", ["x": "1 2", "y": "ü"]) == "/a/1%202/b/%C3%BC/{z}")
    #expect(Endpoint.fill("/a/{x}", [:]) == "/a/{x}")
    #expect(Endpoint.fill("/a/{x}", ["x": "{x}"]) == "/a/%7Bx%7D")
  }
}
