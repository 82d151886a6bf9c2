import Foundation

/// `ActiveConnectionsDto`: the caller's connections and the cookie's login event.
public struct ActiveConnections: Sendable, Decodable {
  /// The login event of the `asc_auth_key` cookie; 0 for Bearer-only callers.
  public var loginEvent: Int
  /// The connections, newest first.
  public var items: [ActiveConnection]
}

/// `ActiveConnectionsItemDto`: one signed-in session.
public struct ActiveConnection: Sendable, Decodable, Equatable {
  /// The connection's id: the login event of its sign-in, which `logOut(connection:)` takes.
  public var id: Int
  /// The portal's id.
  public var tenantId: Int
  /// Whose connection it is (always the caller).
  public var userId: String
  /// Always false: DocSpace stores no mobile flag.
  public var mobile: Bool
  /// The address it signed in from (cut at the first ':', which mangles IPv6).
  public var ip: String?
  /// The geo-IP country; "" when unknown.
  public var country: String?
  /// The geo-IP city; "" when unknown.
  public var city: String?
  /// The browser and its major version from the User-Agent, such as "Chrome 120".
  public var browser: String?
  /// The operating system and device, such as "Windows 10".
  public var platform: String?
  /// When it signed in.
  public var date: Date
  /// The page (Referer) of the sign-in request.
  public var page: String?

  enum CodingKeys: String, CodingKey {
    case id, tenantId, userId, mobile, ip, country, city, browser, platform, date, page
  }

  /// Decodes the DTO; `mobile` defaults to false and `date` is an `ApiDateTime`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int.self, forKey: .id)
    tenantId = try container.decode(Int.self, forKey: .tenantId)
    userId = try container.decode(String.self, forKey: .userId)
    mobile = try container.decodeIfPresent(Bool.self, forKey: .mobile) ?? false
    ip = try container.decodeIfPresent(String.self, forKey: .ip)
    country = try container.decodeIfPresent(String.self, forKey: .country)
    city = try container.decodeIfPresent(String.self, forKey: .city)
    browser = try container.decodeIfPresent(String.self, forKey: .browser)
    platform = try container.decodeIfPresent(String.self, forKey: .platform)
    date = try container.decodeApiDate(forKey: .date)
    page = try container.decodeIfPresent(String.self, forKey: .page)
  }
}
