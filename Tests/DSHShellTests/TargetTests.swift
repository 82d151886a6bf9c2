import DSHLanguage
import Testing

@testable import DocSpaceVerbs

/// What revoke and revoke-user accept as targets.
@Suite struct TargetTests {
  @Test(arguments: ["+12", " 12", "12 ", "1e3", "0x10", "１２"])
  func aConnectionIdIsDigitsOnly(_ text: String) {
    #expect(throws: CommandFailure.self) { try Targets.sessions(.string(text)) }
  }

  @Test(arguments: ["66FAA6E4-F133-11EA-B126-00FFEEFF0E57", "66faa6e4-f133-11ea-b126-00ffeeff0e57"])
  func aGuidInEitherCaseIsAUserId(_ text: String) {
    #expect(Targets.isGuid(text))
  }

  @Test(arguments: [
    "66faa6e4f13311eab12600ffeeff0e57", "{66faa6e4-f133-11ea-b126-00ffeeff0e57}",
    "66faa6e4-f133-11ea-b126-00ffeeff0e5", "66faa6e4-f133-11ea-b126-00ffeeff0e5g",
    " 66faa6e4-f133-11ea-b126-00ffeeff0e5",
    "66faa6e4_f133-11ea-b126-00ffeeff0e57",
  ])
  func anythingButTheDashedFormIsNoGuid(_ text: String) {
    #expect(!Targets.isGuid(text))
  }

  @Test func digitsNameAConnection() throws {
    #expect(try Targets.sessions(.string("1042")).map(\.id) == [1042])
  }

  @Test func everyTargetIsLabelledAsGiven() throws {
    let users = try Targets.users(.list([.string("a@example.com"), .string("0B8F3C2E-0000-4000-8000-000000000001")]))
    #expect(users.map(\.label) == [.string("a@example.com"), .string("0b8f3c2e-0000-4000-8000-000000000001")])
    let sessions = try Targets.sessions(.list([.int(5), .string("6")]))
    #expect(sessions.map(\.label) == [.int(5), .int(6)])
  }
}
