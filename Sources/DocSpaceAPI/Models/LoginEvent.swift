import Foundation

/// `LoginEventDto`: one row of the sign-in history.
public struct LoginEvent: Sendable, Decodable, Equatable {
  public var id: Int
  public var date: Date
  public var user: String?
  public var userId: String?
  public var login: String?
  public var action: String?
  public var actionId: Int
  public var ip: String?
  public var country: String?
  public var city: String?
  public var browser: String?
  public var platform: String?
  public var page: String?

  enum CodingKeys: String, CodingKey {
    case id, date, user, userId, login, action, actionId, ip, country, city, browser, platform, page
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(Int.self, forKey: .id)
    date = try container.decodeApiDate(forKey: .date)
    user = try container.decodeIfPresent(String.self, forKey: .user)
    userId = try container.decodeIfPresent(String.self, forKey: .userId)
    login = try container.decodeIfPresent(String.self, forKey: .login)
    action = try container.decodeIfPresent(String.self, forKey: .action)
    actionId = try container.decodeIfPresent(Int.self, forKey: .actionId) ?? 0
    ip = try container.decodeIfPresent(String.self, forKey: .ip)
    country = try container.decodeIfPresent(String.self, forKey: .country)
    city = try container.decodeIfPresent(String.self, forKey: .city)
    browser = try container.decodeIfPresent(String.self, forKey: .browser)
    platform = try container.decodeIfPresent(String.self, forKey: .platform)
    page = try container.decodeIfPresent(String.self, forKey: .page)
  }
}

/// `AuthenticationTokenDto`.
public struct AuthToken: Sendable, Decodable {
  public var token: String?
  public var expires: String?
  public var sms: Bool?
  public var tfa: Bool?
}
