import DSHLanguage
import DSHShell
import Testing

/// Every example in every command's help runs, each in a fresh session on a fresh portal,
/// and gives what it promises.
@Suite struct ExampleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var command: String
    var example: Example
    var testDescription: String { "\(command): \(example.code)" }
  }

  static var registry: CommandRegistry { TestShell.offlineSession().interpreter.registry }

  static var cases: [Case] {
    registry.all.flatMap { spec in spec.examples.map { Case(command: spec.name, example: $0) } }
  }

  @Test func everyCommandButConnectAndDisconnectHasAnExample() {
    let withoutExamples = Set(Self.registry.names).subtracting(Self.cases.map(\.command))
    // connect and disconnect would change the test's own connection: they are covered by script tests.
    #expect(withoutExamples == ["connect", "disconnect"])
  }

  @Test(arguments: cases)
  func example(_ testCase: Case) async throws {
    let shell = try await TestShell.start()
    let outcome = await shell.run(testCase.example.code, origin: "example")
    await shell.stop()
    switch testCase.example.expectation {
    case .runs:
      #expect(outcome.code == 0, "stderr: \(shell.capture.stderr)")
    case .output(let expected):
      #expect(shell.capture.stdout == expected, "stderr: \(shell.capture.stderr)")
      #expect(outcome.code == 0)
    case .error(let code):
      #expect(shell.capture.stderr.contains("error[\(code)]"), "stderr: \(shell.capture.stderr)")
    }
  }
}
