import Foundation

/// `EmployeeFullDto`, the fields dsh uses.
public struct Employee: Sendable, Decodable, Equatable {
  /// The user's id, a GUID (`revoke-user` takes it).
  public var id: String
  /// The name as the portal shows it; "" when the answer has none.
  public var displayName: String
  /// The given name, when the portal sends it.
  public var firstName: String?
  /// The family name, when the portal sends it.
  public var lastName: String?
  /// The login name.
  public var userName: String?
  /// The sign-in email.
  public var email: String?
  /// The account's status: 1 active, 2 terminated, 4 pending.
  public var status: Int?
  /// Whether the user is a DocSpace admin (false for the owner).
  public var isAdmin: Bool
  /// Whether the user owns the portal.
  public var isOwner: Bool
  /// Whether the user is a room admin.
  public var isRoomAdmin: Bool
  /// Whether the user is a guest.
  public var isVisitor: Bool
  /// Whether the user is a user (collaborator) in DocSpace's terms.
  public var isCollaborator: Bool
  /// When the account was made.
  public var registrationDate: Date?
  /// The connection of the caller's cookie (in `me()` only); 0 for a Bearer-only caller.
  public var loginEventId: Int?

  enum CodingKeys: String, CodingKey {
    case id, displayName, firstName, lastName, userName, email, status, isAdmin, isOwner
    case isRoomAdmin, isVisitor, isCollaborator, registrationDate, loginEventId
  }

  /// Decodes the DTO; missing flags are false and a missing display name is "".
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    displayName = try container.decodeIfPresent(String.self, forKey: .displayName) ?? ""
    firstName = try container.decodeIfPresent(String.self, forKey: .firstName)
    lastName = try container.decodeIfPresent(String.self, forKey: .lastName)
    userName = try container.decodeIfPresent(String.self, forKey: .userName)
    email = try container.decodeIfPresent(String.self, forKey: .email)
    status = try container.decodeIfPresent(Int.self, forKey: .status)
    isAdmin = try container.decodeIfPresent(Bool.self, forKey: .isAdmin) ?? false
    isOwner = try container.decodeIfPresent(Bool.self, forKey: .isOwner) ?? false
    isRoomAdmin = try container.decodeIfPresent(Bool.self, forKey: .isRoomAdmin) ?? false
    isVisitor = try container.decodeIfPresent(Bool.self, forKey: .isVisitor) ?? false
    isCollaborator = try container.decodeIfPresent(Bool.self, forKey: .isCollaborator) ?? false
    registrationDate = try container.decodeApiDateIfPresent(forKey: .registrationDate)
    loginEventId = try container.decodeIfPresent(Int.self, forKey: .loginEventId)
  }

  /// The role as DocSpace names it.
  public var role: String {
    if isOwner { return "Owner" }
    if isAdmin { return "DocSpaceAdmin" }
    if isRoomAdmin { return "RoomAdmin" }
    if isVisitor { return "Guest" }
    return "User"
  }
}
