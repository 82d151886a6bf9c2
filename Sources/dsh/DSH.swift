import ArgumentParser
import DSHShell
import DSHSimCommand
import DSHVersion
import DocSpaceAPI
import Foundation
import LineEditor

#if canImport(Glibc)
  import Glibc
#endif

/// `dsh`: a scriptable shell for the ONLYOFFICE DocSpace API.
@main
struct DSH: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dsh",
    abstract: "A scriptable shell for the ONLYOFFICE DocSpace API (active connections).",
    discussion: """
      dsh                      the interactive shell
      dsh FILE.dsh [ARGS…]     run a script ($args holds ARGS)
      dsh -c 'CODE'            run CODE
      dsh -                    run the program on stdin
      dsh check FILE.dsh       check a script without running it
      dsh --demo               the shell on a built-in simulated portal
      dsh --profile a,b FILE   run FILE on each profile's portal in turn, then a summary
      Credentials: DOCSPACE_URL, DOCSPACE_TOKEN (a login token, or an sk-… API key).
      Exit codes: 0 ok, 1 error, 2 usage/syntax, 3 some bulk targets failed, 4 portal
      unreachable or credentials refused, 130 interrupted. Across profiles: the highest of the
      runs' codes; an interrupted run stops the rest, and dsh exits with its code.
      """,
    version: "dsh \(Version.description)")

  @Option(name: .customShort("c"), help: "Run this program text.") var code: String?
  @Option(help: "The portal URL (or DOCSPACE_URL).") var portal: String?
  @Option(
    help: ArgumentHelp(
      "A named portal from $XDG_CONFIG_HOME/dsh/config; a,b,c runs FILE or -c once per profile.",
      discussion:
        "Each profile gets a fresh session; a summary on stderr ends the runs, and dsh exits with the worst status."))
  var profile: String?
  @Option(
    help: ArgumentHelp(
      "A login token or sk-… API key (or DOCSPACE_TOKEN); '-' reads it from stdin.",
      discussion: "Other local users can see a process's arguments: prefer --token-file, - or DOCSPACE_TOKEN."))
  var token: String?
  @Option(help: "Read the token from this file (only its owner may read it: chmod 600).") var tokenFile: String?
  @Option(help: "Result format: table, json or csv.") var output: String?
  @Flag(help: "Print the requests that would change something instead of sending them.") var dryRun = false
  @Flag(help: "Start a simulated portal in this process and sign in as its owner.") var demo = false
  @Option(help: "A PEM file of CA certificates to trust (private CA).") var caCert: String?
  @Flag(help: "Allow plain http:// to a non-loopback portal.") var allowInsecureHttp = false
  @Argument(help: "A script to run, '-' for stdin, or 'check FILE'.") var script: String?
  @Argument(parsing: .captureForPassthrough, help: "Arguments for the script ($args).") var arguments: [String] = []

  func validate() throws {
    if let output, !["table", "json", "csv"].contains(output) {
      throw ValidationError("--output must be table, json or csv")
    }
    if code != nil && script != nil { throw ValidationError("give either -c CODE or a script, not both") }
    if demo && (portal != nil || token != nil || profile != nil) {
      throw ValidationError("--demo uses its own portal: drop --portal, --token and --profile")
    }
    if let profile, profile.contains(",") {
      guard Self.profileNames(profile).allSatisfy({ !$0.isEmpty }) else {
        throw ValidationError("--profile: an empty name in '\(profile)' (give a,b,c)")
      }
      guard code != nil || script != nil else {
        throw ValidationError("several profiles run a FILE or -c CODE, not the interactive shell")
      }
    }
    if profile != nil && portal != nil { throw ValidationError("give either --profile or --portal, not both") }
    if token != nil && tokenFile != nil { throw ValidationError("give either --token or --token-file, not both") }
    if token == "-" && script == "-" {
      throw ValidationError("--token - and a program on stdin ('-') cannot share standard input")
    }
  }

  func run() throws {
    // First, before any thread exists, so that every thread inherits the blocked signals.
    InterruptGate.install()
    // A closed pipe on stdout makes writes fail (and dsh exit 1) instead of killing dsh in
    // the middle of a bulk run.
    signal(SIGPIPE, SIG_IGN)
    let environment = ProcessInfo.processInfo.environment
    let interactive =
      code == nil && script == nil && isatty(0) == 1 && isatty(1) == 1
      && !["", "dumb"].contains(environment["TERM"] ?? "")
    let bridge = BlockingBridge(takeSignal: { InterruptGate.takePending() })
    let launch = Launch(command: self, environment: environment, interactive: interactive, bridge: bridge)
    throw ArgumentParser.ExitCode(launch.start())
  }

  /// The profiles of `--profile a,b,c`, in order.
  static func profileNames(_ list: String) -> [String] {
    list.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
  }

  /// Like ArgumentParser's, except that a usage error exits 2 (nothing ran), as the
  /// README's table of exit codes says, instead of 64.
  static func main() {
    // The installed dsh-sim is a link to this binary (one copy of the runtime, not two).
    if URL(fileURLWithPath: CommandLine.arguments.first ?? "dsh").lastPathComponent == "dsh-sim" {
      DSHSim.runAsMain()
    }
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
