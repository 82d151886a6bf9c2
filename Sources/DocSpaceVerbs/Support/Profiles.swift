import DSHLanguage
import DocSpaceAPI
import Foundation

/// Reads and saves the named portals of the user's config file.
///
/// The file is `$XDG_CONFIG_HOME/dsh/config` (default `~/.config/dsh/config`):
///
///     [work]
///     portal = https://work.example.com
///     token-env = WORK_DOCSPACE_TOKEN      # the credential from an environment variable
///     token-file = ~/.config/dsh/work.token  # or from a file that only you can read (0600)
///     user = admin@example.com             # or sign in with a password, asked at start
///     ca-cert = ~/.config/dsh/work-ca.pem  # a private CA to trust besides the system's
public struct Profiles: Sendable {
  /// One `[name]` section of the config file.
  public struct Profile: Sendable, Equatable {
    /// The section's name, which `--profile` and `connect --profile` take.
    public var name: String
    /// The portal's URL as the file writes it; empty when the section has no `portal` line.
    public var portal: String
    /// The environment variable the token is read from (`token-env`).
    var tokenEnvironment: String?
    /// The file the token is read from, with `~/` expanded (`token-file`).
    var tokenFile: String?
    /// The account to sign in with a password (`user`).
    public var user: String?
    /// A private CA certificate to trust besides the system's (`ca-cert`), with `~/` expanded.
    public var caCertificate: String?
  }

  /// The config file's path.
  let path: String
  let environment: [String: String]

  /// The profiles of the config file that `environment`'s `XDG_CONFIG_HOME` or `HOME` locates.
  public init(environment: [String: String]) {
    self.environment = environment
    path = Self.configDirectory(environment) + "/config"
  }

  static func configDirectory(_ environment: [String: String]) -> String {
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/dsh" }
    return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/dsh"
  }

  /// Every profile in the file, in file order; none when there is no file.
  public func all() -> [Profile] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    var profiles: [Profile] = []
    // Split on any line break: a CRLF file's "\r\n" is one Character, not a "\n".
    for rawLine in String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline) {
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(
        in: .whitespaces)
      if line.hasPrefix("[") && line.hasSuffix("]") {
        profiles.append(Profile(name: String(line.dropFirst().dropLast()), portal: ""))
        continue
      }
      let parts = line.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count == 2, !profiles.isEmpty else { continue }
      switch parts[0] {
      case "portal": profiles[profiles.count - 1].portal = parts[1]
      case "token-env": profiles[profiles.count - 1].tokenEnvironment = parts[1]
      case "token-file": profiles[profiles.count - 1].tokenFile = expand(parts[1])
      case "user": profiles[profiles.count - 1].user = parts[1]
      case "ca-cert": profiles[profiles.count - 1].caCertificate = expand(parts[1])
      default: continue
      }
    }
    return profiles
  }

  /// The profile called `name`; throws a usage failure suggesting a close name when there is none.
  public func profile(named name: String) throws -> Profile {
    let known = all()
    guard let found = known.first(where: { $0.name == name }) else {
      throw CommandFailure(
        .usage, "no profile '\(name)' in \(path)",
        help: Suggestions.didYouMean(name, in: known.map(\.name)) ?? "add a [\(name)] section with portal = URL")
    }
    return found
  }

  /// The credential a profile names; refuses a token file others can read.
  public func credential(for profile: Profile) throws -> Credential {
    if let variable = profile.tokenEnvironment {
      guard let token = environment[variable], !token.isEmpty else {
        throw CommandFailure(
          .connection, "profile '\(profile.name)' takes its token from $\(variable), which is not set")
      }
      return Credential(token: token)
    }
    if let file = profile.tokenFile {
      do throws(TokenFile.Problem) {
        return Credential(token: try TokenFile.read(file))
      } catch {
        throw CommandFailure(.connection, "profile '\(profile.name)': \(error.message)", help: error.help)
      }
    }
    return .none
  }

  /// Stores a token in a 0600 file and adds a profile that uses it.
  public func save(name: String, portal: String, token: String) throws -> String {
    guard Self.isValidName(name) else {
      throw CommandFailure(
        .usage, "'\(name)' cannot name a profile",
        help: "use letters, digits, '-', '_' and '.', not starting with '.' (at most 64)", argument: .flag("save"))
    }
    let directory = Self.configDirectory(environment)
    try FileManager.default.createDirectory(
      atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let tokenPath = directory + "/\(name).token"
    guard
      FileManager.default.createFile(
        atPath: tokenPath, contents: Data(token.utf8), attributes: [.posixPermissions: 0o600])
    else {
      throw CommandFailure(.runtime, "cannot write \(tokenPath)")
    }
    chmod(tokenPath, 0o600)
    let section = "\n[\(name)]\nportal = \(portal)\ntoken-file = \(tokenPath)\n"
    let existing = FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    try Data((Self.removing(section: name, from: existing) + section).utf8).write(to: URL(fileURLWithPath: path))
    return tokenPath
  }

  /// The config text without the `[name]` section: saving again replaces a profile.
  static func removing(section name: String, from text: String) -> String {
    var inside = false
    var kept: [Substring] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") { inside = trimmed == "[\(name)]" }
      if !inside { kept.append(line) }
    }
    var result = kept.joined(separator: "\n")
    while result.hasSuffix("\n\n") { result.removeLast() }
    return result
  }

  /// A profile name becomes a file name and a `[section]`: no paths, no line breaks.
  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.count <= 64 && !name.hasPrefix(".")
      && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
  }

  private func expand(_ path: String) -> String {
    path.hasPrefix("~/") ? (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst() : path
  }
}
