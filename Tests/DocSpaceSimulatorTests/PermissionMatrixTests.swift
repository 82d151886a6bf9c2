import Foundation
import Testing

/// `docspace-api.md` §2.6, role by role, against the simulator over loopback.
@Suite struct PermissionMatrixTests {
  static let admins: Set<String> = ["owner@example.com", "admin@example.com"]

  @Test(arguments: RawPortal.roles)
  func everyRoleListsItsOwnConnections(_ email: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn(email)
    let answer = try await portal.request("GET", "/api/2.0/security/activeconnections", cookie: token)
    #expect(answer.status == 200)
    let items = (answer.response as? [String: Any])?["items"] as? [[String: Any]] ?? []
    #expect(items.count == 4)
    #expect(Set(items.compactMap { $0["userId"] as? String }).count == 1)
    await portal.server.stop()
  }

  @Test func anonymousGets401WithAnEmptyBody() async throws {
    let portal = try await RawPortal.start()
    let answer = try await portal.request("GET", "/api/2.0/security/activeconnections")
    #expect(answer.status == 401)
    #expect(answer.body.isEmpty)
    await portal.server.stop()
  }

  @Test(arguments: RawPortal.roles)
  func endingTheOwnersConnectionNeedsAnAdmin(_ email: String) async throws {
    let portal = try await RawPortal.start()
    let ownerToken = try await portal.signIn("owner@example.com")
    let ownerEvent = try await portal.connections(ownerToken).loginEvent
    let token = try await portal.signIn(email)
    let answer = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logout/\(ownerEvent)", cookie: token)
    if Self.admins.contains(email) {
      #expect(answer.status == 200)
      #expect(answer.response as? Bool == true)
    } else {
      #expect(answer.status == 403)
      #expect((answer.json["error"] as? [String: Any])?["message"] as? String == "Access denied")
    }
    await portal.server.stop()
  }

  @Test(arguments: RawPortal.roles)
  func endingAUsersEverySessionNeedsAnAdminUnlessItIsYou(_ email: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn(email)
    let other = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutall/\(RawPortal.ownerId)", cookie: token)
    #expect(other.status == (Self.admins.contains(email) ? 200 : 403))
    await portal.server.stop()
  }

  @Test(arguments: RawPortal.roles)
  func everyRoleMayEndItsOwnConnectionsAndGetsFalseForUnknownIds(_ email: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn(email)
    let mine = try await portal.connections(token).ids.filter { $0 != 0 }
    let own = try await portal.request("PUT", "/api/2.0/security/activeconnections/logout/\(mine.last!)", cookie: token)
    #expect(own.response as? Bool == true)
    let again = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logout/\(mine.last!)", cookie: token)
    #expect(again.response as? Bool == false)
    let unknown = try await portal.request("PUT", "/api/2.0/security/activeconnections/logout/987654", cookie: token)
    #expect(unknown.status == 200)
    #expect(unknown.response as? Bool == false)
    await portal.server.stop()
  }

  @Test(arguments: RawPortal.roles)
  func everyRoleMayEndAllButThisAndChangePassword(_ email: String) async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn(email)
    let except = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutallexceptthis", cookie: token)
    #expect(except.status == 200)
    #expect((except.response as? String)?.isEmpty == false)
    #expect(except.json["count"] as? Int == 1)
    #expect(try await portal.connections(token).ids.count == 1)
    let change = try await portal.request(
      "PUT", "/api/2.0/security/activeconnections/logoutallchangepassword", cookie: token)
    let url = change.response as? String ?? ""
    #expect(
      url.contains("/confirm/PasswordChange") && url.contains("type=PasswordChange") && url.contains("key=")
        && url.contains("uid="))
    #expect(try await portal.request("GET", "/api/2.0/security/activeconnections", cookie: token).status == 401)
    await portal.server.stop()
  }
}
