import Foundation
import Testing

@testable import DocSpaceSimulator

/// `people` and `people/filter` as SERVER `products/ASC.People/Server/Api/UserController.cs`,
/// `common/ASC.Core.Common/Data/DbUserService.cs` and `Users/UserQueryHelper.cs` answer them.
@Suite struct PeopleFidelityTests {
  static func emails(_ answer: RawPortal.Answer) -> [String] {
    (answer.response as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
  }

  static func list(_ portal: RawPortal, _ path: String, as email: String = "owner@example.com") async throws
    -> RawPortal.Answer
  {
    let token = try await portal.signIn(email)
    return try await portal.request("GET", "/api/2.0/" + path, cookie: token)
  }

  @Test func filterValueNarrowsThePlainListToo() async throws {
    let portal = try await RawPortal.start()
    let answer = try await Self.list(portal, "people?filterValue=UMA")
    #expect(Self.emails(answer) == ["user@example.com"])
    #expect(answer.json["total"] as? Int == 1)
    await portal.server.stop()
  }

  @Test func spacesAndEveryPartButASeparatorAndAnyPart() async throws {
    let portal = try await RawPortal.start()
    let both = try await Self.list(portal, "people/filter?filterValue=uma%20gus")
    #expect(Self.emails(both).isEmpty)
    let either = try await Self.list(portal, "people/filter?filterValue=uma,gus&filterSeparator=,")
    #expect(Set(Self.emails(either)) == ["user@example.com", "guest@example.com"])
    await portal.server.stop()
  }

  @Test func sortByAndSortOrderOrderTheList() async throws {
    let portal = try await RawPortal.start()
    let byEmail = Self.emails(try await Self.list(portal, "people?sortBy=email&sortOrder=descending"))
    #expect(byEmail.count == 5)
    #expect(byEmail == byEmail.sorted(by: >))
    let byType = Self.emails(try await Self.list(portal, "people?sortBy=Type"))
    #expect(
      byType == [
        "owner@example.com", "admin@example.com", "roomadmin@example.com", "user@example.com", "guest@example.com",
      ])
    let byFirstName = try await Self.list(portal, "people?sortBy=nonsense")
    let firstNames = (byFirstName.response as? [[String: Any]] ?? []).compactMap { $0["firstName"] as? String }
    #expect(firstNames == ["Adam", "Gus", "Olivia", "Rita", "Uma"])
    await portal.server.stop()
  }

  @Test func employeeTypeAndAreaSelectByGroup() async throws {
    let portal = try await RawPortal.start()
    let admins = try await Self.list(portal, "people/filter?employeeType=DocSpaceAdmin")
    #expect(Set(Self.emails(admins)) == ["owner@example.com", "admin@example.com"])
    let roomAdmins = try await Self.list(portal, "people/filter?employeeType=1")
    #expect(Self.emails(roomAdmins) == ["roomadmin@example.com"])
    let guests = try await Self.list(portal, "people/filter?area=guests")
    #expect(Self.emails(guests) == ["guest@example.com"])
    // A type the area rules out is ignored, not an empty list (UserController.cs:2711).
    let people = try await Self.list(portal, "people/filter?area=People&employeeType=Guest&employeeStatus=Active")
    #expect(Set(Self.emails(people)) == Set(RawPortal.roles).subtracting(["guest@example.com"]))
    await portal.server.stop()
  }

  @Test func disabledAndInvitedPeopleAreOnlyInTheFilterForAnAdmin() async throws {
    let portal = try await RawPortal.start()
    #expect(Set(Self.emails(try await Self.list(portal, "people"))) == Set(RawPortal.roles))
    let everyone = try await Self.list(portal, "people/filter")
    #expect(Set(Self.emails(everyone)) == Set(RawPortal.roles + ["disabled@example.com", "pending@example.com"]))
    // Names order after the status: active, then invited, then disabled.
    #expect(Self.emails(everyone).suffix(2) == ["pending@example.com", "disabled@example.com"])
    let roomAdmin = try await Self.list(portal, "people/filter", as: "roomadmin@example.com")
    #expect(!Self.emails(roomAdmin).contains("disabled@example.com"))
    #expect(Self.emails(roomAdmin).contains("pending@example.com"))
    let hidden = try await Self.list(portal, "people/filter?employeeStatus=Terminated", as: "roomadmin@example.com")
    #expect(hidden.json["total"] as? Int == 0)
    await portal.server.stop()
  }

  @Test func employeeAndActivationStatusSelectTheInactive() async throws {
    let portal = try await RawPortal.start()
    let disabled = try await Self.list(portal, "people/filter?employeeStatus=2")
    #expect(Self.emails(disabled) == ["disabled@example.com"])
    let item = (disabled.response as? [[String: Any]])?.first ?? [:]
    #expect(item["status"] as? Int == 2)
    #expect(item["terminated"] is String)
    let invited = try await Self.list(portal, "people/filter?activationStatus=Pending")
    #expect(Self.emails(invited) == ["pending@example.com"])
    let person = (invited.response as? [[String: Any]])?.first ?? [:]
    #expect(person["status"] as? Int == 4)
    #expect(person["activationStatus"] as? Int == 2)
    #expect(person["firstName"] as? String == "")
    #expect(person["displayName"] as? String == "pending@example.com")
    await portal.server.stop()
  }

  @Test func aValueTheEnumBinderRefusesIsA400ForEveryone() async throws {
    let portal = try await RawPortal.start()
    let answer = try await Self.list(portal, "people/filter?employeeStatus=Gone&area=9", as: "user@example.com")
    #expect(answer.status == 400)
    let errors = (answer.response as? [String: Any])?["errors"] as? [String: Any] ?? [:]
    #expect(errors["employeeStatus"] as? [String] == ["The value 'Gone' is invalid."])
    #expect(errors["area"] as? [String] == ["The value '9' is invalid."])
    await portal.server.stop()
  }

  @Test func profileUrlAndAvatarsAreInTheServersFormats() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let me = try await portal.request("GET", "/api/2.0/people/@self", cookie: token).response as? [String: Any] ?? [:]
    #expect(me["profileUrl"] as? String == portal.server.url + "/accounts/people/filter?search=owner%40example.com")
    let guest =
      try await portal.request("GET", "/api/2.0/people/email?email=guest@example.com", cookie: token).response
      as? [String: Any] ?? [:]
    #expect(guest["profileUrl"] as? String == portal.server.url + "/accounts/guests/filter?search=guest%40example.com")
    let sizes = ["avatar": 82, "avatarOriginal": 200, "avatarMax": 200, "avatarMedium": 48, "avatarSmall": 32]
    var hashes: Set<String> = []
    for (field, size) in sizes {
      let url = me[field] as? String ?? ""
      let prefix = "/static/images/default_user_photo_size_\(size)-\(size).png?hash="
      #expect(url.hasPrefix(prefix), "\(field): \(url)")
      let hash = String(url.dropFirst(prefix.count))
      #expect(!hash.isEmpty && hash.allSatisfy(\.isNumber), "\(field): \(url)")
      hashes.insert(hash)
    }
    #expect(hashes.count == 1)
    await portal.server.stop()
  }

  @Test func aGuestHasNoPersonalFolder() async throws {
    let portal = try await RawPortal.start()
    for (email, expected) in [("guest@example.com", false), ("user@example.com", true)] {
      let token = try await portal.signIn(email)
      let me = try await portal.request("GET", "/api/2.0/people/@self", cookie: token).response as? [String: Any]
      #expect(me?["hasPersonalFolder"] as? Bool == expected, "\(email)")
    }
    await portal.server.stop()
  }

  @Test func aDisabledUserIsRefusedWithTheRightPasswordAndNothingIsRecorded() async throws {
    let portal = try await RawPortal.start()
    let before = await portal.server.loginHistory().count
    let answer = try await portal.signIn(body: RawPortal.credentials("disabled@example.com"))
    #expect(answer.status == 403)
    let error = answer.json["error"] as? [String: Any] ?? [:]
    #expect(error["message"] as? String == "User disabled")
    #expect(error["type"] as? String == "System.InvalidOperationException")
    #expect(RawPortal.values("Set-Cookie", in: answer).isEmpty)
    #expect(await portal.server.loginHistory().count == before)
    let wrong = try await portal.signIn(body: RawPortal.credentials("disabled@example.com", password: "nope"))
    #expect(wrong.status == 401)
    await portal.server.stop()
  }

  @Test func aDisabledUsersStoredCredentialsNoLongerAuthenticate() async throws {
    let portal = try await RawPortal.start()
    let key = try #require(await portal.server.apiKeys().first { $0.email == "disabled@example.com" }?.key)
    let byKey = try await portal.send("GET", "/api/2.0/people/@self", headers: [("Authorization", "Bearer \(key)")])
    #expect(byKey.status == 401)
    let basic = "Basic " + Data("disabled@example.com:demo-password".utf8).base64EncodedString()
    let byPassword = try await portal.send("GET", "/api/2.0/people/@self", headers: [("Authorization", basic)])
    #expect(byPassword.status == 401)
    await portal.server.stop()
  }

  /// A cookie the account got while it was active: authentication refuses the account, so
  /// the request is 401 and the cookie is deleted (CookieAuthHandler.cs:70-77).
  @Test func aDisabledUsersOldCookieIs401AndIsDeleted() async throws {
    let portal = try await RawPortal.start()
    let disabled = try #require(await portal.server.state.user(email: "disabled@example.com"))
    let token = await portal.server.state.storeToken(for: disabled.id, eventId: 0)
    let answer = try await portal.request("GET", "/api/2.0/people/@self", cookie: token)
    #expect(answer.status == 401)
    #expect(
      RawPortal.values("Set-Cookie", in: answer) == ["asc_auth_key=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"])
    await portal.server.stop()
  }
}
