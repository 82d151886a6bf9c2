import Foundation

/// `ActiveConnectionsDto`: the caller's connections and the cookie's login event.
public struct ActiveConnections: Sendable, Decodable {
  /// The login event of the `asc_auth_key` cookie; 0 for Bearer-only callers.
  public var loginEvent: Int
  public var items: [ActiveConnection]
}

/// `ActiveConnectionsItemDto`: one signed-in session.
public struct ActiveConnection: Sendable, Decodable, Equatable {
  public var id: Int
  public var tenantId: Int
  public var userId: String
  public var mobile: Bool
  public var ip: String?
  public var country: String?
  public var city: String?
  public var browser: String?
  public var platform: String?
  public var date: Date
  public var page: String?

  enum CodingKeys: String, CodingKey {
    case id, tenantId, userId, mobile, ip, country, city, browser, platform, date, page
  }

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
