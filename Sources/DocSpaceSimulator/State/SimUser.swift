import Foundation

/// A portal account.
struct SimUser: Sendable {
  enum Role: String, Sendable {
    case owner = "Owner"
    case docSpaceAdmin = "DocSpaceAdmin"
    case roomAdmin = "RoomAdmin"
    case user = "User"
    case guest = "Guest"
  }

  /// `EmployeeStatus` (SERVER `common/ASC.Core.Common/Core/EmployeeStatus.cs`, flags).
  enum Status: Int, Sendable {
    case active = 1
    /// Disabled by an admin.
    case terminated = 2
    /// Invited, not yet joined (UserManagerWrapper.cs:127-128 sets it with the activation status).
    case pending = 4
  }

  /// `EmployeeActivationStatus` (SERVER `common/ASC.Core.Common/Core/EmployeeActivationStatus.cs`).
  enum Activation: Int, Sendable {
    case activated = 1
    case pending = 2
  }

  var id: String
  var firstName: String
  var lastName: String
  var email: String
  var userName: String
  var password: String
  var role: Role
  var registered: Date
  var status = Status.active
  var activation = Activation.activated
  /// When it was disabled.
  var terminated: Date?

  /// `GetFullUserName`: the formatted name, or the email when that is blank, as for an
  /// invited user, who has no name yet (SERVER `common/ASC.Core.Common/Users/DisplayUserSettings.cs:95-100`).
  var displayName: String {
    let name = "\(firstName) \(lastName)"
    return name.trimmingCharacters(in: .whitespaces).isEmpty ? email : name
  }
  var isAdmin: Bool { role == .owner || role == .docSpaceAdmin }
}

/// One row of the login-events table: a sign-in (a connection while active), a failure or a logout.
struct LoginEventRow: Sendable {
  var id: Int
  var userId: String
  var login: String?
  var action: Int
  var date: Date
  var ip: String
  var country: String
  var city: String
  var browser: String?
  var platform: String?
  var page: String
  var active: Bool

  static let successActions: Set<Int> = [1000, 1001, 1007, 1010, 1011, 1012, 1015, 1019, 1021, 1024, 1027, 1029]
  var isConnection: Bool { active && Self.successActions.contains(action) }

  /// The failures, whose initiator (the typed login) the server keeps as `login`.
  static let failureActions: Set<Int> = [
    1002, 1003, 1004, 1005, 1008, 1009, 1013, 1014, 1018, 1020, 1022, 1023, 1025, 1026,
  ]

  /// English action texts (SERVER `common/services/ASC.AuditTrail/AuditReportResource.resx`).
  static let actionNames: [Int: String] = [
    1000: "Login Success", 1005: "Login Fail", 1006: "Logout", 1010: "Successful Login via API",
    1013: "Failed Login via API", 1023: "Login Fail. Too many attempts", 1029: "Login success via login and password",
  ]
}

/// What a minted token stands for (the real token encrypts the same facts).
struct TokenGrant: Sendable {
  var userId: String
  var loginEventId: Int
  var userCookieIndex: Int
}
