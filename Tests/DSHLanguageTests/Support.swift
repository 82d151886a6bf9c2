import DSHLanguage
import Foundation

/// Runs programs with the data commands only (no portal), capturing output.
final class TestHost: CommandHost, @unchecked Sendable {
  private let lock = NSLock()
  private var text = ""
  var output: String { lock.withLock { text } }

  func write(_ text: String) { lock.withLock { self.text += text } }
  func inform(_ text: String) {}
  func show(_ value: Value, settings: Settings) async { write(TableRenderer(width: 80).render(value)) }
  func confirm(_ question: String) async -> Bool { false }
  func readSecret(_ prompt: String) async -> String? { nil }
  func progress(done: Int, total: Int) {}
  var isInteractive: Bool { false }
}

struct Evaluation {
  var output: String
  var syntaxErrors: [SyntaxError] = []
  var runtimeError: RuntimeError?
  var result: RunResult?
}

func evaluate(_ text: String) async -> Evaluation {
  let host = TestHost()
  let interpreter = Interpreter(registry: CommandRegistry(DataCommands.all), host: host)
  switch await interpreter.parse(Source(name: "t.dsh", text: text)) {
  case .failure(let errors):
    return Evaluation(output: "", syntaxErrors: errors.errors)
  case .success(let program):
    do {
      let result = try await interpreter.run(program)
      return Evaluation(output: host.output, result: result)
    } catch {
      return Evaluation(output: host.output, runtimeError: error.error)
    }
  }
}

func parse(_ text: String) -> Result<Program, SyntaxErrors> {
  Parser.parse(Source(name: "t.dsh", text: text), signatures: CommandRegistry(DataCommands.all).signatures)
}
