import DSHShell
import Testing

/// `set trace full`: the one-line trace, and under it each body as pretty JSON, no secret shown.
@Suite(.timeLimit(.minutes(1))) struct TraceFullTests {
  @Test func traceFullShowsTheSignInsBodiesWithThePasswordAndTokenReplaced() async throws {
    let shell = try await TestShell.start(environment: ["DOCSPACE_PASSWORD": "demo-password"])
    await shell.session.interpreter.setVariable("portal", .string(shell.simulator.url))
    await shell.run("set trace full; connect $portal --user admin@example.com")
    let token = try #require(await shell.session.portal.client?.credential.loginToken)
    let trace = shell.capture.stderr
    #expect(trace.contains("→ POST /api/2.0/authentication  200"), "\(trace)")
    #expect(
      trace.contains(
        "  request body:\n    {\n      \"password\" : \"***\",\n      \"userName\" : \"admin@example.com\""))
    #expect(trace.contains("  response body:\n    {\n"))
    #expect(trace.contains("\"token\" : \"***\""))
    #expect(!trace.contains("demo-password"))
    #expect(!trace.contains(token))
    await shell.stop()
  }

  @Test func traceOnShowsOneLineACallAndNoBody() async throws {
    let shell = try await TestShell.start()
    await shell.run("set trace on; sessions | count")
    #expect(shell.capture.stderr.contains("→ GET /api/2.0/security/activeconnections  200"))
    #expect(!shell.capture.stderr.contains("body:"))
    await shell.stop()
  }

  @Test func setShowsTraceFull() async throws {
    let shell = try await TestShell.start()
    await shell.run("set trace full; set | get trace")
    #expect(shell.capture.stdout == "full\n")
    await shell.stop()
  }
}
