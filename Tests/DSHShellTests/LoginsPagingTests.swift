import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import Foundation
import Testing

/// `logins` and `sessions-of` on a portal that pages before it filters (DocSpace 3.7), with
/// 250+ users and thousands of events, checked against the simulator's own history.
@Suite(.timeLimit(.minutes(3))) struct LoginsPagingTests {
  static var bigPortal: SimulatorOptions {
    var options = SimulatorOptions()
    options.users = 250
    options.historyEvents = 3000
    return options
  }

  static let filterPath = "GET /api/2.0/security/audit/login/filter"

  static func ids(_ stdout: String) throws -> [Int] {
    try JSONDecoder().decode([Int].self, from: Data(stdout.utf8))
  }

  static func iso(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: date)
  }

  static func historyRequests(_ shell: TestShell) async -> Int {
    await shell.simulator.receivedRequests().filter { $0 == filterPath }.count
  }

  @Test func userAndSinceFindEveryOneOfTheUsersEventsInRange() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let history = await shell.simulator.loginHistory()
    let since = Date().addingTimeInterval(-45 * 86_400).rounded()
    func events(of account: SimulatedAccount) -> [SimulatedLoginEvent] {
      history.filter { event in
        event.date >= since
          && (event.userId == account.id
            || (event.userId == SimulatorServer.guestAccountId && event.login?.lowercased() == account.email))
      }
    }
    // The account with the most events in range among those with a failed sign-in in range.
    let (email, expected) = try #require(
      await shell.simulator.accounts().map { ($0.email, events(of: $0)) }
        .filter { $0.1.contains { $0.userId == SimulatorServer.guestAccountId } }
        .max { $0.1.count < $1.1.count })
    #expect(expected.count >= 5)
    #expect(expected.contains { event in (history.firstIndex { $0.id == event.id } ?? 0) >= 500 })

    await shell.run("logins --user \(email) --since \(Self.iso(since)) | get id | to json --compact")
    #expect(try Self.ids(shell.capture.stdout) == expected.map(\.id), "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }

  @Test func aUserRecordAndUntilBoundTheRangeOnBothSides() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let history = await shell.simulator.loginHistory()
    let since = Date().addingTimeInterval(-60 * 86_400).rounded()
    let until = Date().addingTimeInterval(-20 * 86_400).rounded()
    let expected = history.filter {
      $0.date >= since && $0.date <= until
        && ($0.userId == RoleIds.user
          || ($0.userId == SimulatorServer.guestAccountId && $0.login == "user@example.com"))
    }
    #expect(!expected.isEmpty)
    await shell.run(
      "$u = user user@example.com; logins --user $u --since \(Self.iso(since)) --until \(Self.iso(until)) | get id | to json --compact"
    )
    #expect(try Self.ids(shell.capture.stdout) == expected.map(\.id), "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }

  @Test func pagingShowsProgressOnATerminalAndClearsIt() async throws {
    var options = Self.bigPortal
    options.port = 0
    let simulator = try await SimulatorServer.start(options)
    let capture = Capture()
    let terminal = Terminal(
      writeOut: { capture.out($0) }, writeErr: { capture.err($0) }, stdoutIsTTY: false, stderrIsTTY: true,
      width: { 100 }, colorAllowed: false)
    let session = Session(Session.Options(terminal: terminal))
    let url = try #require(URL(string: simulator.url))
    try await session.portal.connect(PortalConfiguration(baseURL: url, credential: .none), label: "test")
    let client = try #require(await session.portal.client)
    _ = try await client.signIn(userName: "owner@example.com", password: "demo-password")
    await session.run("logins --all | count", origin: "test.dsh")
    #expect(capture.stderr.contains("found · back to"), "\(capture.stderr.suffix(300))")
    #expect(capture.stderr.hasSuffix("\r\u{1B}[K"))
    await session.close()
    await simulator.stop()
  }

  @Test func sinceStopsTheReadingAtItsBoundary() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let history = await shell.simulator.loginHistory()
    let since = Date().addingTimeInterval(-5 * 86_400).rounded()
    let inRange = history.filter { $0.date >= since }.count
    await shell.run("logins --since \(Self.iso(since)) | count")
    #expect(shell.capture.stdout == "\(inRange)\n", "stderr: \(shell.capture.stderr)")
    // Pages up to the first that reaches past the boundary, and no more.
    #expect(await Self.historyRequests(shell) == inRange / 100 + 1)
    await shell.stop()
  }

  @Test func allReadsTheWholeHistoryWithoutRepeats() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let history = await shell.simulator.loginHistory()
    #expect(history.count > 3000)
    await shell.run("logins --all | get id | to json --compact")
    #expect(try Self.ids(shell.capture.stdout) == history.map(\.id), "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }

  @Test func limitAndActionGiveTheNewestMatches() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let failures = await shell.simulator.loginHistory().filter { LoginAction.failures.contains($0.action) }
    await shell.run("logins --action failed --limit 150 | get id | to json --compact")
    #expect(try Self.ids(shell.capture.stdout) == failures.prefix(150).map(\.id), "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }

  @Test func anUnknownActionIsAUsageErrorBeforeAnyRequest() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let outcome = await shell.run("logins --all --action sometimes")
    #expect(outcome.code != 0)
    #expect(shell.capture.stderr.contains("--action sometimes is not a login action"))
    #expect(await Self.historyRequests(shell) == 0)
    await shell.stop()
  }

  @Test func withoutAuditTheReadingStopsAfterOneRepeatedPageAndSaysSoOnce() async throws {
    var options = Self.bigPortal
    options.audit = false
    let shell = try await TestShell.start(options: options)
    let outcome = await shell.run("logins --since (now - 365d) | count")
    #expect(outcome.code == 0)
    #expect(shell.capture.stdout == "20\n")
    #expect(
      shell.capture.stderr.components(separatedBy: "this portal's plan shows only the last 20 sign-ins").count == 2)
    #expect(await Self.historyRequests(shell) == 2)
    await shell.stop()
  }

  @Test func aScriptWithoutABoundIsRefusedBeforeAnyRequest() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("logins --user user@example.com | count")
    #expect(outcome.code == 2, "found by the check: nothing runs")
    #expect(shell.capture.stderr.contains("error[E209]"))
    #expect(shell.capture.stderr.contains("without --since, --limit or --all"))
    #expect(shell.capture.stderr.contains("--since DATE"))
    #expect(await shell.simulator.receivedRequests().count == before)
    await shell.stop()
  }

  @Test func theREPLAsksBeforeReadingABigHistoryAndSaysHowManyPages() async throws {
    let questions = Questions()
    let shell = try await TestShell.start(
      options: Self.bigPortal, interactive: true, confirm: { await questions.ask($0, answer: false) })
    let pages = (await shell.simulator.loginHistory().count + 99) / 100
    let outcome = await shell.run("logins | count")
    #expect(outcome.code != 0)
    let asked = await questions.asked
    #expect(asked.count == 1)
    #expect(asked.first?.contains("\(pages) pages") == true, "\(asked)")
    // The first page, then single-event probes: far fewer requests than pages.
    #expect(await Self.historyRequests(shell) < pages / 2)
    await shell.stop()
  }

  @Test func theREPLReadsEverythingOnceConfirmed() async throws {
    let questions = Questions()
    let shell = try await TestShell.start(
      options: Self.bigPortal, interactive: true, confirm: { await questions.ask($0, answer: true) })
    let total = await shell.simulator.loginHistory().count
    await shell.run("logins | count")
    #expect(shell.capture.stdout.contains("\(total)"), "stderr: \(shell.capture.stderr)")
    #expect(await questions.asked.count == 1)
    await shell.stop()
  }

  @Test func theREPLDoesNotAskWhenTheHistoryFitsOnePage() async throws {
    let questions = Questions()
    let shell = try await TestShell.start(interactive: true, confirm: { await questions.ask($0, answer: false) })
    let total = await shell.simulator.loginHistory().count
    #expect(total < 100)
    await shell.run("logins | count")
    #expect(shell.capture.stdout.contains("\(total)"), "stderr: \(shell.capture.stderr)")
    #expect(await questions.asked.isEmpty)
    await shell.stop()
  }

  @Test func sessionsOfListsTheUsersSignInsWithTheShellsOwnMarkedCurrent() async throws {
    let shell = try await TestShell.start(options: Self.bigPortal)
    let history = await shell.simulator.loginHistory()
    let ownerSignIns = history.filter {
      $0.userId == RoleIds.owner && LoginAction.successes.contains($0.action)
    }
    await shell.run("sessions-of owner@example.com | get id | to json --compact")
    #expect(try Self.ids(shell.capture.stdout) == ownerSignIns.map(\.id), "stderr: \(shell.capture.stderr)")
    let client = try #require(await shell.session.portal.client)
    let own = try await client.me().loginEventId
    await shell.run("sessions-of owner@example.com | where current | get id | to json --compact")
    #expect(shell.capture.stdout.hasSuffix("[\(own ?? -1)]\n"))
    await shell.stop()
  }

  @Test func sessionsOfMarksWhatTheJournalShowsEnded() async throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-sessions-of-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: state) }
    let shell = try await TestShell.start(environment: ["XDG_STATE_HOME": state.path])
    let open = await shell.simulator.loginHistory().filter {
      $0.userId == RoleIds.user && $0.isOpenConnection
    }
    let first = try #require(open.first)
    await shell.run("revoke \(first.id) --yes")
    await shell.run("sessions-of user@example.com | where ended | get id | to json --compact")
    #expect(shell.capture.stdout.hasSuffix("[\(first.id)]\n"), "stderr: \(shell.capture.stderr)")
    await shell.run("revoke-user user@example.com --yes")
    await shell.run("sessions-of user@example.com | where not ended | count")
    #expect(shell.capture.stdout.hasSuffix("\n0\n"), "stderr: \(shell.capture.stderr)")
    await shell.stop()
  }
}

/// The role accounts' ids, as the simulator's fixture fixes them.
enum RoleIds {
  static let owner = "66faa6e4-f133-11ea-b126-00ffeec8b4ef"
  static let user = "2daf5e40-7c3f-4081-9d9c-3e4f5a6b7c83"
}

/// The questions a session asked, answered with a fixed answer.
actor Questions {
  private(set) var asked: [String] = []

  func ask(_ question: String, answer: Bool) -> Bool {
    asked.append(question)
    return answer
  }
}

extension Date {
  /// Whole seconds, as the portal stores dates.
  fileprivate func rounded() -> Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
