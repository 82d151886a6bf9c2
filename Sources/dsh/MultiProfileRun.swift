import DSHLanguage
import DSHShell
import DocSpaceVerbs
import Foundation

/// `dsh --profile a,b,c FILE` (or `-c CODE`): the program once per profile, in order, each in a
/// fresh session signed in to that profile's portal; then one summary line per profile on stderr.
///
/// The exit status is the worst run's: any nonzero beats 0 and the highest nonzero wins, except
/// that an interrupted run (Ctrl-C, SIGTERM, SIGHUP) stops the sequence and dsh exits with that
/// run's code.
struct MultiProfileRun {
  let launch: Launch
  let terminal: Terminal
  let names: [String]

  struct Outcome {
    var profile: String
    var portal: String
    var code: Int32?
    /// Stopped by Ctrl-C or a signal: whatever its code (129 for SIGHUP), it ended the sequence.
    var interrupted = false

    /// One word for the summary.
    var word: String {
      if interrupted { return "interrupted" }
      return switch code {
      case nil: "skipped"
      case ExitCode.success.rawValue: "ok"
      case ExitCode.unreachable.rawValue: "unreachable"
      default: "failed"
      }
    }
  }

  func run() -> Int32 {
    // `dsh -`: the program is read once and run on every portal.
    var standardInput: String?
    if launch.command.script == "-" {
      guard let text = Launch.readAllStandardInput() else { return ExitCode.interrupted.rawValue }
      standardInput = text
    }
    let profiles = Profiles(environment: launch.environment)
    var outcomes = names.map { name in
      Outcome(profile: name, portal: (try? profiles.profile(named: name).portal) ?? "(no such profile)")
    }
    var status = ExitCode.success.rawValue
    for index in outcomes.indices {
      terminal.writeErr("dsh: profile \(outcomes[index].profile) (\(outcomes[index].portal))\n")
      let code = launch.run(profile: outcomes[index].profile, terminal: terminal, standardInput: standardInput)
      outcomes[index].code = code
      if Self.stops(code, interruption: launch.bridge.interruption) {
        outcomes[index].interrupted = true
        status = code
        break
      }
      status = max(status, code)
    }
    terminal.writeErr(Self.summary(outcomes))
    return status
  }

  /// A run ended by Ctrl-C or by SIGTERM/SIGHUP: the remaining profiles are not run.
  static func stops(_ code: Int32, interruption: Interruption) -> Bool {
    code == ExitCode.interrupted.rawValue || interruption.terminatingSignal != nil
  }

  /// Aligned lines: profile, portal, exit code, word.
  static func summary(_ outcomes: [Outcome]) -> String {
    let nameWidth = outcomes.map(\.profile.count).max() ?? 0
    let portalWidth = outcomes.map(\.portal.count).max() ?? 0
    var text = "dsh: \(outcomes.count) profiles:\n"
    for outcome in outcomes {
      let name = outcome.profile.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
      let portal = outcome.portal.padding(toLength: portalWidth, withPad: " ", startingAt: 0)
      let code = outcome.code.map { "exit \($0)" } ?? "-"
      text += "  \(name)  \(portal)  \(code.padding(toLength: 8, withPad: " ", startingAt: 0))\(outcome.word)\n"
    }
    return text
  }
}
