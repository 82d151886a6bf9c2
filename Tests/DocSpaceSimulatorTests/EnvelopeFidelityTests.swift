import Foundation
import Testing

/// The success envelope as CommonApiResponse.cs and DynamicIgnoreResolver.cs write it.
@Suite struct EnvelopeFidelityTests {
  @Test func linksHrefKeepsTheQueryExactlyAsSent() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let query = "?startIndex=0&count=5&filterValue=ol%20ow&Extra=%41"
    let answer = try await portal.request("GET", "/api/2.0/people" + query, cookie: token)
    let href = (answer.json["links"] as? [[String: Any]])?.first?["href"] as? String
    #expect(href == portal.server.url + "/api/2.0/people" + query)
    await portal.server.stop()
  }

  @Test func fieldsTrimTheResponseObjectAndLeaveTheEnvelope() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request("GET", "/api/2.0/people/@self?fields=id,displayName", cookie: token)
    #expect(Set((answer.response as? [String: Any])?.keys.map { $0 } ?? []) == ["id", "displayName"])
    #expect(Set(answer.json.keys) == ["response", "count", "links", "status", "statusCode"])
    await portal.server.stop()
  }

  @Test func fieldsTrimEachItemOfAList() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request("GET", "/api/2.0/people?fields=email", cookie: token)
    let items = answer.response as? [[String: Any]] ?? []
    #expect(items.count == 5)
    #expect(items.allSatisfy { Set($0.keys) == ["email"] })
    await portal.server.stop()
  }

  @Test func aDottedFieldKeepsThePathThroughANestedList() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let answer = try await portal.request("GET", "/api/2.0/security/activeconnections?fields=items.id", cookie: token)
    let response = answer.response as? [String: Any] ?? [:]
    #expect(Set(response.keys) == ["items"])
    let items = response["items"] as? [[String: Any]] ?? []
    #expect(!items.isEmpty)
    #expect(items.allSatisfy { Set($0.keys) == ["id"] })
    await portal.server.stop()
  }

  @Test func storedDatesHaveSevenFractionDigitsEndingInZero() async throws {
    let portal = try await RawPortal.start()
    let token = try await portal.signIn("owner@example.com")
    let dates = try await portal.connections(token).items.compactMap { $0["date"] as? String }
    #expect(dates.count == 4)
    for date in dates {
      let fraction = date.split(separator: ".").last?.prefix(7) ?? ""
      #expect(fraction.count == 7 && fraction.allSatisfy(\.isNumber) && fraction.last == "0", "\(date)")
    }
    await portal.server.stop()
  }
}
