import Foundation

/// `EmployeeFullDto`, the fields dsh uses.
public struct Employee: Sendable, Decodable, Equatable {
  public var id: String
  public var displayName: String
  public var firstName: String?
  public var lastName: String?
  public var userName: String?
  public var email: String?
  public var status: Int?
  public var isAdmin: Bool
  public var isOwner: Bool
  public var isRoomAdmin: Bool
  public var isVisitor: Bool
  public var isCollaborator: Bool
  public var registrationDate: Date?
  public var loginEventId: Int?

  enum CodingKeys: String, CodingKey {
    case id, displayName, firstName, lastName, userName, email, status, isAdmin, isOwner
    case isRoomAdmin, isVisitor, isCollaborator, registrationDate, loginEventId
  }

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
