import DSHLanguage
import DocSpaceAPI
import Foundation

/// The shell's link to a portal: the client, who is signed in, and what earlier results
/// taught it (ids and emails for completion). One per session.
public actor PortalConnection {
  public private(set) var client: DocSpaceClient?
  /// How the prompt names the portal: `demo`, a profile name, or the host.
  public private(set) var label: String?
  public private(set) var me: Employee?
  /// Connection ids and user emails seen in results, with a description, for completion.
  public private(set) var knownSessions: [(id: Int, description: String)] = []
  public private(set) var knownUsers: [(key: String, description: String)] = []
  private var trace: (@Sendable (TraceEvent) -> Void)?
  let environment: [String: String]
  /// From the command line: what `connect` uses unless told otherwise.
  public nonisolated let defaults: TransportDefaults
  /// Signals that arrive while a command runs; bulk runs watch it.
  public nonisolated let interruption: Interruption

  /// Transport choices given when dsh started (`--ca-cert`, `--allow-insecure-http`).
  public struct TransportDefaults: Sendable {
    public var caCertificatePath: String?
    public var allowInsecureHTTP = false

    public init(caCertificatePath: String? = nil, allowInsecureHTTP: Bool = false) {
      self.caCertificatePath = caCertificatePath
      self.allowInsecureHTTP = allowInsecureHTTP
    }

    /// A configuration for the portal at `url` that makes these choices.
    public func configuration(url: URL, credential: Credential) -> PortalConfiguration {
      var configuration = PortalConfiguration(baseURL: url, credential: credential)
      configuration.caCertificatePath = caCertificatePath
      configuration.allowInsecureHTTP = allowInsecureHTTP
      return configuration
    }
  }

  public init(
    environment: [String: String] = [:], defaults: TransportDefaults = TransportDefaults(),
    interruption: Interruption = Interruption()
  ) {
    self.environment = environment
    self.defaults = defaults
    self.interruption = interruption
  }

  /// Connects with a credential; the old client, if any, is closed.
  public func connect(_ configuration: PortalConfiguration, label: String?) async throws(APIError) {
    await install(try DocSpaceClient(configuration: configuration), label: label, me: nil)
  }

  /// Makes `client` the session's, closing the old one. `connect` calls this only once the
  /// new client has signed in, so a failed `connect` keeps the working connection.
  func install(_ client: DocSpaceClient, label: String?, me: Employee?) async {
    await self.client?.shutdown()
    self.client = client
    self.label = label ?? client.configuration.baseURL.host
    self.me = me
  }

  public func disconnect() async {
    await client?.shutdown()
    client = nil
    me = nil
  }

  public func forgetCredential() async {
    client?.setCredential(.none)
    me = nil
  }

  public func setTraceHandler(_ handler: (@Sendable (TraceEvent) -> Void)?) { trace = handler }

  /// The client with this invocation's deadline, trace and dry-run choices.
  func client(for invocation: Invocation) async throws -> DocSpaceClient {
    guard let client else {
      throw CommandFailure(
        .connection, "not connected to a portal",
        help: "run 'connect https://portal.example.com', or start dsh with --portal URL (or DOCSPACE_URL)")
    }
    return client.with(options(for: invocation))
  }

  func options(for invocation: Invocation) -> RequestOptions {
    RequestOptions(
      timeout: invocation.settings.timeout, dryRun: invocation.settings.dryRun || invocation.flag("dry-run"),
      trace: invocation.settings.trace ? trace : nil)
  }

  /// Fetches who is signed in, for the prompt; nil when nobody is or the portal is slow.
  @discardableResult
  public func refreshUser(within seconds: Double = 3) async -> Employee? {
    guard let client else { return nil }
    let fetched = await withTaskGroup(of: Employee?.self) { group in
      group.addTask { try? await client.me() }
      group.addTask {
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
    me = fetched
    return me
  }

  /// The signed-in user, fetched once per connection.
  func currentUser(_ client: DocSpaceClient) async throws(APIError) -> Employee {
    if let me { return me }
    let fetched = try await client.me()
    me = fetched
    return fetched
  }

  /// A journal for one run of a verb that ends sessions, naming the portal and the caller.
  func journalWriter(verb: String) async -> JournalWriter? {
    if me == nil, let client { _ = try? await currentUser(client) }
    return JournalWriter(
      paths: JournalPaths(environment: environment),
      portal: client?.configuration.baseURL.absoluteString ?? "", caller: me?.email ?? "", verb: verb)
  }

  func remember(sessions: [(Int, String)]) {
    for (id, description) in sessions where !knownSessions.contains(where: { $0.id == id }) {
      knownSessions.append((id, description))
    }
    knownSessions = Array(knownSessions.suffix(500))
  }

  func remember(users: [(String, String)]) {
    for (key, description) in users where !knownUsers.contains(where: { $0.key == key }) {
      knownUsers.append((key, description))
    }
    knownUsers = Array(knownUsers.suffix(500))
  }

  func forget(sessionIds: Set<Int>) { knownSessions.removeAll { sessionIds.contains($0.id) } }
}
