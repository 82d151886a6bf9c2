import DSHLanguage
import DSHShell
import DocSpaceAPI
import Foundation
import Testing

/// help, explain and curl teach the API from the same declarations the client sends from.
@Suite(.timeLimit(.minutes(1))) struct TeachingTheAPITests {
  @Test func helpForAVerbShowsQueryParametersResponseFieldsRoleAndReference() async throws {
    let shell = try await TestShell.start()
    await shell.run("help logins")
    let text = shell.capture.stdout
    #expect(text.contains("GET /api/2.0/security/audit/login/filter"))
    #expect(text.contains("query:\n       startIndex  int  how many to skip"), "\(text)")
    #expect(text.contains("response ([LoginEventDto]):"))
    #expect(text.contains("actionId  "))
    // Help wraps at the terminal's width, at spaces: the link itself stays whole.
    #expect(text.contains("reference:"))
    #expect(text.contains("https://api.onlyoffice.com/docspace/api-backend/usage-api/"))
    #expect(text.contains("Role needed: Owner or DocSpace admin"))
    await shell.stop()
  }

  @Test func helpForRevokeListsItsHelperReadsBeforeItsChangeAndSaysWhatADryRunSends() async throws {
    let shell = try await TestShell.start()
    await shell.run("help revoke")
    let text = shell.capture.stdout
    let read = try #require(text.range(of: "GET /api/2.0/people/{userId}"))
    let change = try #require(text.range(of: "PUT /api/2.0/security/activeconnections/logout/{loginEventId}"))
    #expect(read.lowerBound < change.lowerBound)
    #expect(text.contains("https://api.onlyoffice.com/docspace/api-backend/usage-api/log-out-active-connection/\n"))
    let prose = text.replacingOccurrences(of: "\n", with: " ")
    #expect(prose.contains("the reads are sent, since they find the targets; each PUT is planned, not sent"))
    await shell.stop()
  }

  @Test func helpForAReadVerbSaysItsDryRunStillSendsTheRead() async throws {
    let shell = try await TestShell.start()
    await shell.run("help sessions")
    #expect(shell.capture.stdout.contains("--dry-run  accepted, but this verb only reads: the read is sent"))
    #expect(!shell.capture.stdout.contains("Dry run (--dry-run"))
    await shell.stop()
  }

  @Test func helpApiListsEveryDeclaredEndpointWithItsReference() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("help api")
    #expect(outcome.code == 0)
    for endpoint in Endpoint.all {
      #expect(shell.capture.stdout.contains(endpoint.line), "\(endpoint.line)")
      #expect(shell.capture.stdout.contains(endpoint.referenceURL), "\(endpoint.referenceURL)")
    }
    await shell.stop()
  }

  @Test func helpExplainIsNotAnError() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("help explain")
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout.hasPrefix("explain — "))
    #expect(shell.capture.stdout.contains("explain PIPELINE"))
    await shell.stop()
  }

  @Test func explainNamesEveryCallOfAVerbInOrderAndSendsNothing() async throws {
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    await shell.run("explain revoke-user user@example.com")
    #expect(await shell.simulator.receivedRequests().count == before)
    let text = shell.capture.stdout
    let lines = [
      "GET /api/2.0/people/@self", "GET /api/2.0/people/email", "GET /api/2.0/people/{userId}",
      "PUT /api/2.0/security/activeconnections/logoutall/{userId}",
    ]
    let positions = lines.compactMap { text.range(of: $0 + " (")?.lowerBound }
    #expect(positions.count == lines.count, "\(text)")
    #expect(positions == positions.sorted())
    await shell.stop()
  }

  @Test func curlShowsTheRequestADryRunPlannedAndNothingWasSent() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("revoke 1003 --dry-run; curl")
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout.contains("curl -X PUT -H 'Cookie: asc_auth_key='\"$DOCSPACE_TOKEN\" '"))
    #expect(shell.capture.stdout.contains("/api/2.0/security/activeconnections/logout/1003'\n"))
    #expect(await shell.simulator.receivedRequests().allSatisfy { !$0.hasPrefix("PUT") })
    await shell.stop()
  }

  @Test func curlAllShowsTheSessionsCallsTheSignInsPasswordLeftInAVariable() async throws {
    let shell = try await TestShell.start(environment: ["DOCSPACE_PASSWORD": "demo-password"])
    await shell.session.interpreter.setVariable("portal", .string(shell.simulator.url))
    await shell.run("connect $portal --user admin@example.com; revoke 1003 --dry-run | count")
    let token = try #require(await shell.session.portal.client?.credential.loginToken)
    await shell.run("curl --all")
    let text = shell.capture.stdout
    #expect(text.contains(#"--data '{"password":"'"$DOCSPACE_PASSWORD"'","userName":"admin@example.com"}'"#), "\(text)")
    #expect(text.contains("# planned by a dry run, not sent\ncurl -X PUT"))
    #expect(text.split(separator: "\n").filter { $0.hasPrefix("curl ") }.count == shell.session.portal.calls.all.count)
    #expect(!text.contains("demo-password"))
    #expect(!text.contains(token))
    await shell.stop()
  }

  @Test func revokingASessionRecordSendsOnlyItsPut() async throws {
    let shell = try await TestShell.start()
    // whoami, like connect, tells the shell its own connection: revoke needs no GET of its own.
    await shell.run("whoami | get loginEventId; $s = sessions | where not current")
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("revoke $s[0] | get outcome")
    #expect(outcome.code == 0, "\(shell.capture.stderr)")
    let sent = Array(await shell.simulator.receivedRequests().dropFirst(before))
    #expect(sent.count == 1)
    #expect(sent.first?.hasPrefix("PUT /api/2.0/security/activeconnections/logout/") == true, "\(sent)")
    await shell.stop()
  }

  @Test func afterThePortalSetsANewCookieASessionsListingNamesTheShellsOwnConnection() async throws {
    let shell = try await TestShell.start()
    // Ending all of one's own sessions hands the shell a fresh cookie: a new connection.
    await shell.run("revoke-user owner@example.com --yes | count")
    await shell.run("$all = sessions")
    let current = try #require(await shell.session.interpreter.variables["all"]?.asList?.first?.asRecord)
    #expect(current["current"] == .bool(true))
    let before = await shell.simulator.receivedRequests().count
    await shell.run("revoke $all --yes | count")
    let sent = Array(await shell.simulator.receivedRequests().dropFirst(before))
    #expect(!sent.contains("GET /api/2.0/people/@self"), "the listing's loginEvent named it: \(sent)")
    #expect(shell.capture.stderr.contains("skipping the shell's own connection \(current["id"]?.asInt ?? -1)"))
    #expect(!sent.contains("PUT /api/2.0/security/activeconnections/logout/\(current["id"]?.asInt ?? -1)"))
    await shell.stop()
  }

  @Test func afterThePortalSetsANewCookieRevokeReadsTheShellsOwnConnectionOnceAgain() async throws {
    let shell = try await TestShell.start()
    await shell.run("$old = sessions | where not current")
    await shell.run("revoke-user owner@example.com --yes | count")
    let before = await shell.simulator.receivedRequests().count
    // Connections listed before the new cookie: nothing has named the new one yet.
    await shell.run("revoke $old[0].id --yes | count; revoke $old[1].id --yes | count")
    let sent = Array(await shell.simulator.receivedRequests().dropFirst(before))
    #expect(sent.filter { $0 == "GET /api/2.0/people/@self" }.count == 1, "\(sent)")
    #expect(sent.first == "GET /api/2.0/people/@self", "\(sent)")
    await shell.stop()
  }

  @Test func theTraceNamesAChangeADryRunPlanned() async throws {
    let shell = try await TestShell.start()
    await shell.run("set trace on; revoke 1003 --dry-run | count")
    let line = shell.capture.stderr.split(separator: "\n").first { $0.contains("/logout/1003") }
    #expect(
      line?.hasPrefix("→ PUT /api/2.0/security/activeconnections/logout/1003  ---  ") == true, "\(shell.capture.stderr)"
    )
    #expect(line?.hasSuffix("ms  planned by a dry run, not sent") == true)
    await shell.stop()
  }

  @Test func explainOfApiSaysItSendsTheCallGiven() async throws {
    let shell = try await TestShell.start()
    await shell.run("explain api GET /api/2.0/people/@self")
    #expect(shell.capture.stdout.contains("→ the call given: its METHOD and PATH"))
    await shell.stop()
  }
}
