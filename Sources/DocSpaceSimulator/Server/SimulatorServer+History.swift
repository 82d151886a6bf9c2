import Foundation

/// One row of the simulated portal's sign-in history, as the portal itself holds it.
public struct SimulatedLoginEvent: Sendable {
  /// The event's id; a successful sign-in's id is its connection id.
  public var id: Int
  /// The account it belongs to (failures: the Guest account, `guestAccountId`).
  public var userId: String
  /// The typed login of a failure; the account's email otherwise.
  public var login: String?
  /// The `MessageAction` number (1000 sign-in, 1006 logout, 1013 failed via API, and so on).
  public var action: Int
  /// When it happened.
  public var date: Date
  /// The address it came from.
  public var ip: String
  /// A successful sign-in that is still an open connection.
  public var isOpenConnection: Bool
}

/// An account of the simulated portal.
public struct SimulatedAccount: Sendable {
  /// The account's id, a GUID.
  public var id: String
  /// The sign-in email.
  public var email: String
  /// The name the portal shows.
  public var displayName: String
}

extension SimulatorServer {
  /// The Guest system account, under which failed sign-ins are recorded.
  public static let guestAccountId = PortalState.guestId

  /// The whole sign-in history, newest first: what a client that reads it all must find.
  public func loginHistory() async -> [SimulatedLoginEvent] {
    await state.loginHistoryPage(startIndex: 0, count: Int.max).map {
      SimulatedLoginEvent(
        id: $0.id, userId: $0.userId, login: $0.login, action: $0.action, date: $0.date, ip: $0.ip,
        isOpenConnection: $0.isConnection)
    }
  }

  /// Every active account, the five role accounts first: what `people` lists (the disabled
  /// and the invited account are left out).
  public func accounts() async -> [SimulatedAccount] {
    await state.users.filter { $0.status == .active }.map {
      SimulatedAccount(id: $0.id, email: $0.email, displayName: $0.displayName)
    }
  }
}
