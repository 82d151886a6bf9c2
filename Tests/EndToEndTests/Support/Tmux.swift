import Foundation

/// A real terminal for the real `dsh`: tmux on a private socket, a fixed pane size, send-keys to
/// type and capture-pane to read the screen.
///
/// Waits poll the screen for an expected state (bounded), never sleep blindly.
final class Tmux {
  let socket = "dsh-test-\(UUID().uuidString.prefix(8))"
  let stateDirectory: URL

  init(command: [String], environment: [String: String] = [:], stateDirectory: URL? = nil, afterExit: String = "")
    throws
  {
    self.stateDirectory =
      stateDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("dsh-state-\(UUID().uuidString)")
    var env = [
      "XDG_STATE_HOME": self.stateDirectory.path, "NO_COLOR": "1", "TERM": "xterm", "HOME": self.stateDirectory.path,
    ]
    for (key, value) in environment { env[key] = value }
    let assignments = env.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
    // The shell prints the exit code on the screen when the program ends. `set -m` runs
    // the program as its own job, as an interactive shell would: libedit re-raises a
    // fatal signal to its process group, which must not be the pane's shell.
    let line =
      "set -m; env \(assignments) " + command.map(Self.quote).joined(separator: " ")
      + "; echo \"[exit $?]\"; \(afterExit) sleep 600"
    try tmux(["new-session", "-d", "-x", "100", "-y", "30", line])
  }

  deinit { _ = try? tmux(["kill-server"]) }

  static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

  /// Runs a tmux command and returns what it printed.
  ///
  /// Uses popen/pclose: Foundation's Process never reaps tmux's client once it has forked the
  /// server.
  @discardableResult
  func tmux(_ arguments: [String]) throws -> String {
    let command = (["tmux", "-L", socket] + arguments).map(Self.quote).joined(separator: " ") + " 2>/dev/null"
    guard let pipe = popen(command, "r") else { throw TmuxError.cannotRun }
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = fread(&buffer, 1, buffer.count, pipe)
      if count <= 0 { break }
      output.append(contentsOf: buffer[..<count])
    }
    pclose(pipe)
    return String(decoding: output, as: UTF8.self)
  }

  enum TmuxError: Error {
    case cannotRun
  }

  func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }
  func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }
  var screen: String { (try? tmux(["capture-pane", "-p", "-N"])) ?? "" }

  /// The program's exit code, once it has ended.
  var exitCode: Int? {
    guard let range = screen.range(of: #"\[exit (\d+)\]"#, options: .regularExpression) else { return nil }
    return Int(screen[range].dropFirst(6).dropLast())
  }

  /// Waits until `condition` holds for the screen, up to `seconds`, polling without
  /// holding a thread (the async tests share a pool of two on this machine).
  @discardableResult
  func waitFor(_ seconds: Double = 15, _ condition: (String) -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition(screen) { return true }
      try? await Task.sleep(for: .milliseconds(20))
    }
    return false
  }

  /// The screen line holding the cursor.
  var cursorLine: String {
    let row =
      Int(
        ((try? tmux(["display-message", "-p", "#{cursor_y}"])) ?? "0").trimmingCharacters(in: .whitespacesAndNewlines))
      ?? 0
    let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
    return row < lines.count ? String(lines[row]) : ""
  }
}
