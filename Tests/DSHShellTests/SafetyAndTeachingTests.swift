import DSHLanguage
import DSHShell
import DocSpaceAPI
import Foundation
import Testing

/// Dry runs, confirmations, expected counts, traces: what makes dsh safe on a real portal.
@Suite struct SafetyAndTeachingTests {
  @Test func aDryRunSendsNoMutatingRequest() async throws {
    let shell = try await TestShell.start()
    await shell.run("set dry-run on")
    let outcome = await shell.run(
      """
      revoke (sessions | where not current)
      revoke-others
      revoke-user user@example.com
      change-password
      api PUT /api/2.0/security/activeconnections/logoutallexceptthis
      """)
    #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    let mutating = await shell.simulator.receivedRequests().filter {
      !$0.hasPrefix("GET") && !$0.hasPrefix("POST /api/2.0/authentication")
    }
    #expect(mutating.isEmpty)
    #expect(shell.capture.stdout.contains("/logout/"))
    await shell.stop()
  }

  @Test func theHTTPLayerItselfPlansInsteadOfSendingInDryRun() async throws {
    let shell = try await TestShell.start()
    let client = try #require(await shell.session.portal.client).with(RequestOptions(dryRun: true))
    let error = await #expect(throws: APIError.self) { _ = try await client.logOutAllExceptThis() }
    guard case .refusedInDryRun(let request)? = error else {
      Issue.record("not planned: \(String(describing: error))")
      return
    }
    #expect(request.line == "PUT /api/2.0/security/activeconnections/logoutallexceptthis")
    #expect(client.calls.last?.planned == true)
    #expect(await shell.simulator.receivedRequests().allSatisfy { !$0.hasPrefix("PUT") })
    await shell.stop()
  }

  /// A session whose confirmation questions are recorded and answered "no".
  static func startAnsweringNo(interactive: Bool) async throws -> (TestShell, Asked) {
    let asked = Asked()
    let shell = try await TestShell.start(
      interactive: interactive,
      confirm: { question in
        await asked.add(question)
        return false
      })
    return (shell, asked)
  }

  @Test func expectCountRefusesAWrongNumberOfTargets() async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run("revoke (sessions | where not current) --expect-count 2")
    #expect(outcome.code == 1)
    #expect(shell.capture.stderr.contains("refusing: --expect-count 2 but there are 3 targets"))
    #expect(await shell.simulator.receivedRequests().allSatisfy { !$0.hasPrefix("PUT") })
    await shell.stop()
  }

  @Test func theREPLAsksBeforeEndingSeveralSessionsAndANoEndsNothing() async throws {
    let (shell, asked) = try await Self.startAnsweringNo(interactive: true)
    let outcome = await shell.run("revoke (sessions | where not current)")
    #expect(outcome.code == 1)
    #expect(await asked.questions == ["End 3 sessions of you?"])
    #expect(await shell.simulator.receivedRequests().allSatisfy { !$0.hasPrefix("PUT") })
    await shell.stop()
  }

  @Test func theQuestionNamesTheUsers() async throws {
    let (shell, asked) = try await Self.startAnsweringNo(interactive: true)
    await shell.run("revoke-user [\"user@example.com\", \"guest@example.com\"]")
    #expect(
      await asked.questions == [
        "End every session of Uma User <user@example.com> and Gus Guest <guest@example.com>?"
      ])
    await shell.stop()
  }

  @Test func yesAndConfirmOffSkipTheQuestion() async throws {
    let (shell, asked) = try await Self.startAnsweringNo(interactive: true)
    await shell.run("$s = sessions | where not current")
    #expect(await shell.run("revoke [$s[0], $s[1]] --yes").code == 0)
    #expect(await shell.run("set confirm off; revoke [$s[2]]").code == 0)
    #expect(await asked.questions.isEmpty)
    await shell.stop()
  }

  @Test func aScriptNeverAsksAndRefusesABulkRevokeThatStatesNoIntent() async throws {
    let (shell, asked) = try await Self.startAnsweringNo(interactive: false)
    #expect(await shell.run("revoke (sessions | where not current)").code == 2)
    #expect(await asked.questions.isEmpty)
    #expect(shell.capture.stderr.contains("--yes, --expect-count N or --dry-run"))
    #expect(await shell.simulator.receivedRequests().allSatisfy { !$0.hasPrefix("PUT") })
    await shell.stop()
  }

  @Test func aScriptThatSaysYesNeverAsksEither() async throws {
    let (shell, asked) = try await Self.startAnsweringNo(interactive: false)
    #expect(await shell.run("revoke (sessions | where not current) --yes").code == 0)
    #expect(await asked.questions.isEmpty)
    await shell.stop()
  }

  @Test func theTraceShowsEachCallAndNeverTheToken() async throws {
    let shell = try await TestShell.start()
    let token = try #require(await shell.session.portal.client?.credential.loginToken)
    await shell.run("set trace on; sessions | count")
    #expect(shell.capture.stderr.contains("→ GET /api/2.0/security/activeconnections  200"))
    #expect(!shell.capture.stderr.contains(token))
    #expect(!shell.capture.stdout.contains(token))
    await shell.stop()
  }

  @Test func curlReplaysTheLastCallWithTheTokenLeftInTheEnvironment() async throws {
    let shell = try await TestShell.start()
    let token = try #require(await shell.session.portal.client?.credential.loginToken)
    await shell.run("sessions | count; curl")
    #expect(shell.capture.stdout.contains("curl -X GET -H 'Cookie: asc_auth_key='\"$DOCSPACE_TOKEN\""))
    #expect(shell.capture.stdout.contains("/api/2.0/security/activeconnections'"))
    #expect(!shell.capture.stdout.contains(token))
    await shell.stop()
  }

  @Test func helpForAVerbShowsItsHTTPCallAndRole() async throws {
    let shell = try await TestShell.start()
    await shell.run("help revoke")
    #expect(shell.capture.stdout.contains("PUT /api/2.0/security/activeconnections/logout/{loginEventId}"))
    #expect(shell.capture.stdout.contains("Role needed:"))
    #expect(shell.capture.stdout.contains("Examples:"))
    await shell.stop()
  }

  @Test func helpListsCommandsByCategory() async throws {
    let shell = try await TestShell.start()
    await shell.run("help")
    for category in ["Sessions:", "People and sign-ins:", "Connection:", "Data:", "Shell:"] {
      #expect(shell.capture.stdout.contains(category))
    }
    await shell.stop()
  }

  @Test func explainShowsTheCallsAndTheLocalWorkAndSendsNothing() async throws {
    let shell = try await TestShell.start()
    let before = await shell.simulator.receivedRequests().count
    let outcome = await shell.run("explain sessions | where not current | revoke")
    #expect(outcome.code == 0)
    #expect(await shell.simulator.receivedRequests().count == before)
    #expect(shell.capture.stdout.contains("1. sessions"))
    #expect(shell.capture.stdout.contains("→ GET /api/2.0/security/activeconnections"))
    #expect(shell.capture.stdout.contains("→ local: keep the rows"))
    #expect(shell.capture.stdout.contains("PUT /api/2.0/security/activeconnections/logout/{loginEventId}"))
    await shell.stop()
  }

  @Test func revokeTakesItsTargetsFromThePipeline() async throws {
    let shell = try await TestShell.start()
    await shell.run("sessions | where not current | revoke --yes | where outcome == \"closed\" | count")
    #expect(shell.capture.stdout == "3\n")
    await shell.stop()
  }

  @Test func destructiveActionsAreJournaledWithoutSecrets() async throws {
    let state = FileManager.default.temporaryDirectory.appendingPathComponent("dsh-journal-\(UUID().uuidString)")
    let shell = try await TestShell.start(environment: ["XDG_STATE_HOME": state.path])
    let token = try #require(await shell.session.portal.client?.credential.loginToken)
    await shell.run(
      "$s = sessions | where not current; revoke $s[0]; revoke [$s[1], 424242] --yes; revoke-others --yes; sessions | count"
    )
    await shell.run("journal | get verb | to json --compact")
    #expect(shell.capture.stdout.hasSuffix("[\"revoke\",\"revoke\",\"revoke-others\"]\n"))
    await shell.run(
      "journal | get caller | uniq | to json --compact; (journal)[1] | select closed notActive | to json --compact")
    #expect(shell.capture.stdout.contains("[\"owner@example.com\"]"))
    #expect(shell.capture.stdout.contains("{\"closed\":1,\"notActive\":1}"))
    let file = state.appendingPathComponent("dsh/journal.jsonl").path
    let attributes = try FileManager.default.attributesOfItem(atPath: file)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    #expect(try !String(contentsOfFile: file, encoding: .utf8).contains(token))
    await shell.stop()
  }

  @Test func passingAUserToRevokeSuggestsTheRightVerb() async throws {
    let shell = try await TestShell.start()
    await shell.run("revoke user@example.com")
    #expect(shell.capture.stderr.contains("use 'revoke-user'"))
    await shell.stop()
  }
}

actor Asked {
  var questions: [String] = []
  func add(_ question: String) { questions.append(question) }
}
