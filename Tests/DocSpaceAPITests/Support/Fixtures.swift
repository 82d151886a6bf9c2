import Foundation

/// JSON bodies of the portal's answers, as DocSpace shapes them.
enum Fixtures {
  /// `GET /api/2.0/people/@self`'s `response`.
  static let me = #"{"id":"u-1","displayName":"Ann Admin","email":"ann@example.com","isAdmin":true}"#

  /// `POST /api/2.0/authentication`'s `response`.
  static let authToken = #"{"token":"signed-in-token","expires":"2026-12-31T00:00:00.0000000Z"}"#

  /// `GET /api/2.0/security/activeconnections`'s `response`, one connection.
  static func connections(browser: String = "Chrome", platform: String = "Linux", city: String = "Riga") -> String {
    #"{"loginEvent":7,"items":[{"id":7,"tenantId":1,"userId":"u-1","mobile":false,"ip":"10.0.0.1","#
      + #""browser":"\#(browser)","platform":"\#(platform)","city":"\#(city)","#
      + #""date":"2026-07-10T15:04:05.0000000+03:00","page":"/"}]}"#
  }
}
