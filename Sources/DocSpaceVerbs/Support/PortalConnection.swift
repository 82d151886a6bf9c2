import DSHLanguage
import DocSpaceAPI
import Foundation
import Synchronization

/// The shell's link to a portal: the client, who is signed in, and what earlier results
/// taught it (ids and emails for completion). One per session.
public actor PortalConnection {
  /// The client of the portal connected to; nil before `connect` and after `disconnect`.
  public private(set) var client: DocSpaceClient?
  /// How the prompt names the portal: `demo`, a profile name, or the host.
  public private(set) var label: String?
  /// Who is signed in, once a call has read it (`GET people/@self`); nil until then.
  public private(set) var me: Employee?
  /// The credential `me` was read with: once the portal sets a new cookie, the shell's own
  /// connection is another one, and `me.loginEventId` no longer names it.
  private var meCredential: Credential?
  /// Connection ids an earlier `sessions` listed: the caller's own.
  private var listedOwn: Set<Int> = []
  /// The shell's own connection as a `sessions` listing named it (its `loginEvent`), with
  /// the credential it was listed with.
  private var listedOwnConnection: (id: Int, credential: Credential)?
  /// Connection ids and emails for completion, from results and from Tab's fetches.
  var completions = CompletionCache()
  /// Completion's fetches under way, so that Tabs in a row share one.
  var fetches: [CompletionSource: Task<Void, Never>] = [:]
  /// Bumped when the shell connects to another portal: a fetch begun before keeps its answer.
  var portalGeneration = 0
  /// The portal and account bare `connect` signs in to again.
  public private(set) var lastSignIn: SignIn?
  /// People met in results and lookups, by lowercased id and email, for naming them.
  private var people: [String: Person] = [:]
  /// Raised by any 401 answer to the installed client: its token no longer works.
  var refused = RefusedFlag()
  private var trace: (@Sendable (TraceEvent) -> Void)?
  let environment: [String: String]
  /// From the command line: what `connect` uses unless told otherwise.
  public nonisolated let defaults: TransportDefaults
  /// Signals that arrive while a command runs; bulk runs watch it.
  public nonisolated let interruption: Interruption
  /// Every call this session sent or planned, across connections, for `curl`.
  public nonisolated let calls = CallLog()

  /// Transport choices given when dsh started (`--ca-cert`, `--allow-insecure-http`).
  public struct TransportDefaults: Sendable {
    /// A PEM file of CA certificates to trust besides the system's.
    public var caCertificatePath: String?
    /// Whether plain http:// to a non-loopback host is allowed.
    public var allowInsecureHTTP = false

    /// The transport choices dsh started with.
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

  /// A connection to no portal yet, with the session's environment, transport choices and
  /// interrupt state.
  public init(
    environment: [String: String] = [:], defaults: TransportDefaults = TransportDefaults(),
    interruption: Interruption = Interruption()
  ) {
    self.environment = environment
    self.defaults = defaults
    self.interruption = interruption
  }

  /// What bare `connect` reuses: the portal with its transport choices (no credential),
  /// how the prompt names it, the profile it came from, and the account last signed in.
  public struct SignIn: Sendable {
    /// The portal and its transport choices, without a credential.
    public var configuration: PortalConfiguration
    /// How the prompt names the portal.
    public var label: String?
    /// The profile the portal came from, if any.
    public var profile: String?
    /// The account last signed in, if known.
    public var account: String?

    init(configuration: PortalConfiguration, label: String?, profile: String?, account: String?) {
      var kept = configuration
      kept.credential = .none
      self.configuration = kept
      self.label = label
      self.profile = profile
      self.account = account
    }
  }

  /// Connects with a credential; the old client, if any, is closed.
  public func connect(_ configuration: PortalConfiguration, label: String?, profile: String? = nil)
    async throws(APIError)
  {
    await install(
      try DocSpaceClient(configuration: configuration, calls: calls), label: label, me: nil, profile: profile)
  }

  /// Makes `client` the session's, closing the old one.
  ///
  /// `connect` calls this only once the
  /// new client has signed in, so a failed `connect` keeps the working connection.
  func install(_ client: DocSpaceClient, label: String?, me: Employee?, profile: String? = nil) async {
    await self.client?.shutdown()
    if self.client?.configuration.baseURL != client.configuration.baseURL { forgetCompletions() }
    self.client = client
    self.label = label ?? client.configuration.baseURL.host
    refused = RefusedFlag()
    lastSignIn = SignIn(
      configuration: client.configuration, label: self.label, profile: profile, account: me?.email)
    signedIn(me, credential: client.credential)
  }

  /// Ends the connection: the client is shut down, and who was signed in forgotten.
  public func disconnect() async {
    await client?.shutdown()
    client = nil
    me = nil
  }

  /// Keeps the portal but drops the credential: later calls go unauthenticated.
  public func forgetCredential() async {
    client?.setCredential(.none)
    me = nil
  }

  /// The shell's own connection was ended (a self-revoke): its token no longer works.
  func markSignedOut() {
    refused.raise()
    me = nil
  }

  /// A connect whose credential the portal refused, while the shell had no working
  /// connection: bare `connect` tries that portal again, and the prompt names it.
  func rememberRefused(_ attempt: SignIn) {
    lastSignIn = attempt
  }

  /// Whether the shell knows a portal but holds no working sign-in to it: no credential, a
  /// token the portal refused (401), or a disconnect.
  ///
  /// The prompt says `(signed out)`.
  public var isSignedOut: Bool {
    guard let client else { return lastSignIn != nil }
    return client.credential == .none || refused.isRaised
  }

  /// Whether the shell holds a connection whose token the portal still takes, as far as it knows.
  public var isSignedIn: Bool { client != nil && !isSignedOut }

  private func signedIn(_ user: Employee?, credential: Credential?) {
    me = user
    meCredential = user == nil ? nil : credential
    guard let user else { return }
    remember(people: [Person(user)])
    if let email = user.email { lastSignIn?.account = email }
  }

  /// Where `set trace` shows each request; nil shows none.
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

  /// Options for one invocation.
  ///
  /// Unless `watching` is false (a client that is not yet the
  /// session's), a 401 answer marks the session signed out.
  func options(for invocation: Invocation, watching: Bool = true) -> RequestOptions {
    let shown: (@Sendable (TraceEvent) -> Void)? = invocation.settings.trace ? trace : nil
    let refused = watching ? self.refused : nil
    let host = invocation.host
    var options = RequestOptions(
      timeout: invocation.settings.timeout, dryRun: invocation.settings.dryRun || invocation.flag("dry-run"),
      traceBodies: invocation.settings.trace && invocation.settings.traceBodies)
    guard shown != nil || refused != nil else { return options }
    options.trace = { event in
      if event.status == 401 { refused?.raise() }
      shown?(event)
      // `set trace full`: the bodies under the one-line trace, their secrets already redacted.
      for (title, body) in [("request", event.requestBody), ("response", event.responseBody)] {
        guard let body else { continue }
        let indented = body.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        host.inform("  \(title) body:\n" + indented.joined(separator: "\n"))
      }
    }
    return options
  }

  /// Fetches who is signed in, for the prompt; nil when nobody is or the portal is slow.
  @discardableResult
  public func refreshUser(within seconds: Double = 3) async -> Employee? {
    guard let client else { return nil }
    let refused = self.refused
    let fetched = await withTaskGroup(of: Employee?.self) { group in
      group.addTask {
        do throws(APIError) {
          return try await client.me()
        } catch {
          if case .notSignedIn = error { refused.raise() }
          return nil
        }
      }
      group.addTask {
        try? await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
    signedIn(fetched, credential: client.credential)
    return me
  }

  /// The signed-in user, fetched once per connection.
  func currentUser(_ client: DocSpaceClient) async throws(APIError) -> Employee {
    if let me { return me }
    return try await readMe(client)
  }

  /// The shell's own connection id (the cookie's login event; 0 with an API key), as
  /// connect, whoami or a `sessions` listing learnt it; read (GET @self) only when none has
  /// with the credential in use, as after the portal set a new cookie.
  func ownConnection(_ client: DocSpaceClient) async throws(APIError) -> Int {
    if let me, meCredential == client.credential { return me.loginEventId ?? 0 }
    if let listed = listedOwnConnection, listed.credential == client.credential { return listed.id }
    return try await readMe(client).loginEventId ?? 0
  }

  /// Keeps the `loginEvent` of a `sessions` listing made with `credential`.
  func remember(ownConnection id: Int, listedWith credential: Credential) {
    listedOwnConnection = (id, credential)
  }

  /// `GET @self`, kept as who is signed in (whoami calls it too).
  func readMe(_ client: DocSpaceClient) async throws(APIError) -> Employee {
    let credential = client.credential
    let fetched = try await client.me()
    signedIn(fetched, credential: credential)
    return fetched
  }

  /// Keeps who these people are, to name them in questions and results.
  func remember(people found: [Person]) {
    for person in found {
      people[person.id.lowercased()] = person
      if let email = person.email?.lowercased(), !email.isEmpty { people[email] = person }
    }
    completions.add(users: found.compactMap { person in person.email.map { ($0, person.displayName) } })
  }

  /// A person met before, by user id or email.
  func person(_ key: String) -> Person? { people[key.lowercased()] }

  /// Reads who is signed in (`GET @self`, with `client`, so a trace shows it) unless it is known.
  ///
  /// The verbs that end sessions call it while they prepare, so that the journal can name the caller.
  func learnCaller(_ client: DocSpaceClient) async {
    if me == nil { _ = try? await currentUser(client) }
  }

  /// A journal for one run of a verb that ends sessions, naming the portal and, when known,
  /// the caller.
  func journalWriter(verb: String) -> JournalWriter? {
    JournalWriter(
      paths: JournalPaths(environment: environment),
      portal: client?.configuration.baseURL.absoluteString ?? "", caller: me?.email, verb: verb)
  }

  func remember(sessions: [(Int, String)]) { completions.add(sessions: sessions) }

  /// The successful sign-ins among `events`: their ids are connections `revoke` takes.
  func remember(signIns events: [LoginEvent]) { completions.add(sessions: CompletionCache.entries(signIns: events)) }

  func forget(sessionIds: Set<Int>) {
    completions.forget(sessionIds: sessionIds)
    listedOwn.subtract(sessionIds)
  }

  /// Connection ids `sessions` listed: the caller's own, which `revoke` names without asking.
  func remember(ownSessions ids: [Int]) { listedOwn.formUnion(ids) }

  /// Those of `ids` that an earlier `sessions` listed as the caller's.
  func listedOwn(among ids: [Int]) -> Set<Int> { listedOwn.intersection(ids) }
}

/// Set once the portal refuses the installed client's token; a new connection gets a new one.
final class RefusedFlag: Sendable {
  private let raised = Mutex(false)

  func raise() { raised.withLock { $0 = true } }
  var isRaised: Bool { raised.withLock { $0 } }
}
