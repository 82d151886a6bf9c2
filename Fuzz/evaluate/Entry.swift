import Foundation

/// libFuzzer entry: programs that parse are run with the data commands only (no portal),
/// each cancelled after `budget`, so that a loop or runaway recursion ends. A program
/// that runs past cancellation is a hang that libFuzzer's -timeout reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvaluate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let finished = DispatchSemaphore(value: 0)
  Task.detached {
    await FuzzRun.run(text)
    finished.signal()
  }
  finished.wait()
  return 0
}

enum FuzzRun {
  static let budget = Duration.milliseconds(200)

  static func run(_ text: String) async {
    let host = FuzzHost()
    // `save` would write files into the fuzzer's directory.
    let interpreter = Interpreter(registry: CommandRegistry(DataCommands.all.filter { $0.name != "save" }), host: host)
    guard case .success(let program) = await interpreter.parse(Source(name: "fuzz.dsh", text: text)) else { return }
    let running = Task { try? await interpreter.run(program) }
    let watchdog = Task {
      try? await Task.sleep(for: budget)
      running.cancel()
    }
    _ = await running.value
    watchdog.cancel()
  }
}

/// Renders what a program shows, as the shell would, and answers no to every question.
final class FuzzHost: CommandHost {
  func write(_ text: String) {}
  func inform(_ text: String) {}
  func show(_ value: Value, settings: Settings) async { _ = TableRenderer(width: 80).render(value) }
  func confirm(_ question: String) async -> Bool { false }
  func readSecret(_ prompt: String) async -> String? { nil }
  func progress(done: Int, total: Int) {}
  var isInteractive: Bool { false }
}
