/// The process exit codes of the language page.
public enum ExitCode: Int32, Sendable {
  case success = 0
  case failure = 1
  case usage = 2
  case partialFailure = 3
  case unreachable = 4
  case interrupted = 130
}
