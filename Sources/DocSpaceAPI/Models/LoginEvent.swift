import Foundation

/// `LoginEventDto`: one row of the sign-in history.
public struct LoginEvent: Sendable, Decodable, Equatable {
  /// The event's id; a successful sign-in's id is its connection id.
  public var id: Int
  /// When it happened.
  public var date: Date
  /// The display name (for a failure: the login typed).
  public var user: String?
  /// Whose event it is (failures are recorded under the Guest account, `guestUserId`).
  public var userId: String?
  /// The login typed, on failures.
  public var login: String?
  /// What happened, in words.
  public var action: String?
  /// The `MessageAction` number: 1010 sign-in via API, 1013 failed via API, 1006 logout, and so on.
  public var actionId: Int
  /// The address it came from.
  public var ip: String?
  /// The geo-IP country.
  public var country: String?
  /// The geo-IP city.
  public var city: String?
  /// The browser and its major version.
  public var browser: String?
  /// The operating system and device.
  public var platform: String?
  /// The page of the request.
  public var page: String?

  enum CodingKeys: String, CodingKey {
    case id, date, user, userId, login, action, actionId, ip, country, city, browser, platform, page
  }

  /// Decodes the DTO; a missing `actionId` is 0 and `date` is an `ApiDateTime`.
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

extension LoginEvent {
  /// The Guest system account: a failed sign-in is recorded under it, with the typed login
  /// in `login` and in `user` (SERVER `common/ASC.Core.Common/Configuration/Constants.cs:43`).
  public static let guestUserId = "712d9ec3-5d2b-4b13-824f-71f00191dcca"
}

/// The `MessageAction` values of login events (SERVER `common/ASC.Core.Common/Messaging/MessageAction.cs:45-136`).
public enum LoginAction {
  /// Every login action by its `MessageAction` name, in the server's order.
  public static let byName: [(name: String, id: Int)] = [
    ("LoginSuccess", 1000), ("LoginSuccessViaSocialAccount", 1001), ("LoginSuccessViaSms", 1007),
    ("LoginSuccessViaApi", 1010), ("LoginSuccessViaSocialApp", 1011), ("LoginSuccessViaApiSms", 1012),
    ("LoginSuccessViaApiTfa", 1024), ("LoginSuccessViaApiSocialAccount", 1019), ("LoginSuccessViaSSO", 1015),
    ("LoginSuccesViaTfaApp", 1021), ("LoginFailViaSSO", 1018), ("LoginFailInvalidCombination", 1002),
    ("LoginFailSocialAccountNotFound", 1003), ("LoginFailDisabledProfile", 1004), ("LoginFail", 1005),
    ("LoginFailViaSms", 1008), ("LoginFailViaApi", 1013), ("LoginFailViaApiSms", 1014), ("LoginFailViaApiTfa", 1025),
    ("LoginFailViaApiSocialAccount", 1020), ("LoginFailViaTfaApp", 1022), ("LoginFailIpSecurity", 1009),
    ("LoginFailBruteForce", 1023), ("LoginFailRecaptcha", 1026), ("Logout", 1006), ("SessionStarted", 1016),
    ("SessionCompleted", 1017), ("AuthLinkActivated", 1027), ("LoginSuccessViaOAuth", 1028),
    ("LoginSuccessViaPassword", 1029),
  ]

  /// Sign-ins that open a connection (the list of `LoginEventsRepository.GetLastSuccessEventAsync`,
  /// SERVER `common/services/ASC.AuditTrail/Repositories/LoginEventsRepository.cs:119-133`, without Logout).
  public static let successes: Set<Int> = [
    1000, 1001, 1007, 1010, 1011, 1012, 1015, 1019, 1021, 1024, 1027, 1028, 1029,
  ]
  /// Failed sign-ins: every `LoginFail…` member.
  public static let failures: Set<Int> = Set(byName.filter { $0.name.hasPrefix("LoginFail") }.map(\.id))
  /// A sign-out (`Logout`).
  public static let logout = 1006
}

/// `AuthenticationTokenDto`.
public struct AuthToken: Sendable, Decodable {
  /// The login token, to send as the `asc_auth_key` cookie; nil when a second factor is needed.
  public var token: String?
  var expires: String?
  var sms: Bool?
  var tfa: Bool?
}
