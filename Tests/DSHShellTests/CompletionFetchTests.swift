import DSHLanguage
import DSHShell
import DocSpaceAPI
import DocSpaceSimulator
import DocSpaceVerbs
import Foundation
import Testing

/// A Tab whose candidates come from the portal fetches them, quietly and once per lifetime,
/// and never waits long: against the real simulator over loopback.
@Suite(.timeLimit(.minutes(1))) struct CompletionFetchTests {
  static let patient: Duration = .seconds(30)

  /// What the REPL's Tab does, from a thread of its own as the REPL's start thread is: the
  /// fetch blocks its caller for up to `patience`, which the cooperative pool must not do.
  static func tab(_ session: Session, _ sources: Set<CompletionSource>, patience: Duration) async
    -> PortalConnection.Known?
  {
    await withCheckedContinuation { continuation in
      Thread.detachNewThread { continuation.resume(returning: session.completionFetch(sources, patience: patience)) }
    }
  }

  @Test func fetchingPeopleOffersEveryEmailThePortalHolds() async throws {
    var options = SimulatorOptions()
    options.users = 250
    let shell = try await TestShell.start(options: options)
    defer { Task { await shell.stop() } }
    let known = try #require(await Self.tab(shell.session, [.people], patience: Self.patient))
    let offered = Set(known.users.map { $0.key.lowercased() })
    let held = Set(await shell.simulator.accounts().map { $0.email.lowercased() })
    #expect(held.count > 250)
    #expect(offered == held)
  }

  @Test func fetchingConnectionIdsOffersTheShellsSessionsAndRecentSignIns() async throws {
    var options = SimulatorOptions()
    options.users = 20
    options.historyEvents = 400
    let shell = try await TestShell.start(options: options)
    defer { Task { await shell.stop() } }
    let known = try #require(await Self.tab(shell.session, [.connectionIds], patience: Self.patient))
    let offered = Set(known.sessions.map(\.id))
    let own = try await #require(await shell.session.portal.client).activeConnections().items.map(\.id)
    let recent = await shell.simulator.loginHistory().prefix(DocSpaceClient.loginEventsPageSize)
      .filter { LoginAction.successes.contains($0.action) }.map(\.id)
    #expect(!recent.isEmpty)
    #expect(offered.isSuperset(of: recent))
    #expect(offered.isSuperset(of: own.filter { $0 != 0 }))
    let failed = await shell.simulator.loginHistory().prefix(100).filter { !LoginAction.successes.contains($0.action) }
    #expect(offered.isDisjoint(with: failed.map(\.id)), "failed sign-ins are no connection")
  }

  @Test func aSecondTabWithinTheLifetimeSendsNothing() async throws {
    let shell = try await TestShell.start()
    defer { Task { await shell.stop() } }
    _ = await Self.tab(shell.session, [.people, .connectionIds], patience: Self.patient)
    let before = await shell.simulator.receivedRequests().count
    _ = await Self.tab(shell.session, [.people, .connectionIds], patience: Self.patient)
    #expect(await shell.simulator.receivedRequests().count == before)
  }

  @Test func aFetchIsNotWhatCurlShows() async throws {
    let shell = try await TestShell.start()
    defer { Task { await shell.stop() } }
    await shell.run("sessions | count")
    _ = await Self.tab(shell.session, [.people], patience: Self.patient)
    await shell.run("curl")
    #expect(shell.capture.stdout.contains("activeconnections"), "\(shell.capture.stdout)")
    #expect(!shell.capture.stdout.contains("/people"), "\(shell.capture.stdout)")
  }

  @Test func aFetchIsNotTraced() async throws {
    let shell = try await TestShell.start()
    defer { Task { await shell.stop() } }
    await shell.run("set trace on")
    _ = await Self.tab(shell.session, [.people, .connectionIds], patience: Self.patient)
    #expect(await shell.simulator.receivedRequests().contains { $0.hasPrefix("GET /api/2.0/people") })
    #expect(!shell.capture.stderr.contains("/people"), "\(shell.capture.stderr)")
  }

  @Test func aSlowPortalIsNotWaitedForAndTheFetchGoesOn() async throws {
    var options = SimulatorOptions()
    options.latencyMilliseconds = 1500
    let shell = try await TestShell.start(options: options)
    defer { Task { await shell.stop() } }
    // Nil (not even a snapshot in time, on a loaded machine) also means the Tab did not wait.
    let known = await Self.tab(shell.session, [.people], patience: .milliseconds(150))
    #expect(known?.users.contains { $0.key == "user@example.com" } != true, "the Tab waited for the portal")
    var found = false
    for _ in 0..<200 where !found {
      found = await shell.session.portal.known.users.contains { $0.key == "user@example.com" }
      if !found { try await Task.sleep(for: .milliseconds(50)) }
    }
    #expect(found, "the fetch did not finish after the Tab stopped waiting")
  }

  @Test func connectingToAnotherPortalForgetsTheOldPortalsIds() async throws {
    let shell = try await TestShell.start()
    defer { Task { await shell.stop() } }
    let first = try #require(await Self.tab(shell.session, [.connectionIds], patience: Self.patient))
    #expect(!first.sessions.isEmpty)
    var options = SimulatorOptions()
    options.port = 0
    let other = try await SimulatorServer.start(options)
    defer { Task { await other.stop() } }
    let configuration = PortalConfiguration(baseURL: try #require(URL(string: other.url)), credential: .none)
    try await shell.session.portal.connect(configuration, label: "other")
    #expect(await shell.session.portal.known.sessions.isEmpty)
  }

  @Test func aSignedOutShellFetchesNothing() async throws {
    let shell = try await TestShell.start()
    defer { Task { await shell.stop() } }
    await shell.session.portal.forgetCredential()
    let before = await shell.simulator.receivedRequests().count
    _ = await Self.tab(shell.session, [.people, .connectionIds], patience: Self.patient)
    #expect(await shell.simulator.receivedRequests().count == before)
  }
}
