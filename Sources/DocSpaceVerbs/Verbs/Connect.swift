import DSHLanguage
import DocSpaceAPI
import Foundation

extension DocSpaceVerbs {
  static func connect(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "connect", summary: "Sign in to a portal, with a password or a token",
      discussion: """
        With --user, the password comes from DOCSPACE_PASSWORD or is asked without echo; the \
        login token the portal returns is then sent as the asc_auth_key cookie. With --token, a \
        login token goes as that cookie and an sk-… API key as Bearer. Without either, \
        DOCSPACE_TOKEN is used, else DOCSPACE_USER with a password. Without a URL or --profile, \
        connect signs in again to the last portal (after change-password, a revoke of this \
        shell's own connection, or a token the portal no longer takes), as the account last \
        signed in: the password is asked, or taken from DOCSPACE_PASSWORD. Secrets never reach \
        history. The portal's TLS certificate is verified; --ca-cert adds a private CA to the \
        system's.
        """,
      category: .connection,
      signature: Signature(
        [Parameter("URL", optional: true, help: "the portal, e.g. https://portal.example.com; default: the last one")],
        flags: [
          Flag("user", value: "EMAIL", help: "sign in with this account's password"),
          Flag("token", value: "T", help: "a login token or an sk-… API key"),
          Flag("profile", value: "NAME", help: "a named portal from the config file").completing(.profiles),
          Flag("save", value: "NAME", help: "keep the login token in a 0600 file under this profile name"),
          Flag("ca-cert", value: "FILE", help: "also trust the CA certificates in this PEM file"),
          Flag("allow-insecure-http", help: "allow plain http:// to a non-loopback host"),
        ]),
      output: .fixed(.record(name: "user", fields: Records.userFields)),
      examples: [],
      seeAlso: ["disconnect", "whoami"],
      calls: [
        Endpoint.signIn.call(when: "with a password (--user, DOCSPACE_USER); a dry run sends it too"),
        Endpoint.me.call(),
      ]
    ) { invocation in
      let profiles = Profiles(environment: portal.environment)
      let last = await portal.lastSignIn
      // Bare `connect` (no URL, no --profile) signs in again to the last portal.
      let again = invocation.positional(0) == nil && invocation.flags["profile"] == nil ? last : nil
      let profile: Profiles.Profile?
      if let name = invocation.flags["profile"]?.displayText {
        profile = try profiles.profile(named: name)
      } else {
        profile = try again?.profile.map { try profiles.profile(named: $0) }
      }
      let url: URL
      if let urlText = invocation.positional(0)?.displayText ?? (again == nil ? profile?.portal : nil) {
        do throws(APIError) {
          url = try PortalConfiguration.url(from: urlText)
        } catch {
          throw CommandFailure(.usage, error.message, argument: .positional(0))
        }
      } else if let again {
        url = again.configuration.baseURL
      } else {
        throw CommandFailure(
          .usage, "connect needs a portal URL or --profile NAME",
          help: "e.g. connect https://portal.example.com --user you@example.com")
      }
      let environment = portal.environment
      let token = invocation.flags["token"]?.displayText
      let given = invocation.flags["user"]?.displayText
      // The account last signed in, when nothing else is named: its password again.
      let account = token == nil && given == nil ? again?.account : nil
      // A user named here signs in with a password: a profile's (maybe dead) token stays out.
      let profileCredential =
        account == nil && given == nil ? try profile.map { try profiles.credential(for: $0) } : nil
      let userName =
        given ?? account ?? profile?.user
        ?? (token == nil && profile == nil && environment["DOCSPACE_TOKEN"] == nil ? environment["DOCSPACE_USER"] : nil)
      let credential: Credential
      do throws(APIError) {
        if let token {
          credential = try Credential.validated(token: token)
        } else if let profileCredential {
          try profileCredential.validate()
          credential = profileCredential
        } else {
          credential = try Credential.validated(token: userName == nil ? environment["DOCSPACE_TOKEN"] ?? "" : "")
        }
      } catch {
        throw CommandFailure(.usage, error.message, argument: token == nil ? nil : .flag("token"))
      }
      if again != nil && credential == .none && userName == nil {
        throw CommandFailure(
          .usage, "connect does not know which account to sign in again",
          help: "connect --user EMAIL (the password is asked), or connect --token T")
      }
      var configuration = portal.defaults.configuration(url: url, credential: credential)
      if let again {
        configuration.caCertificatePath = again.configuration.caCertificatePath
        configuration.allowInsecureHTTP = again.configuration.allowInsecureHTTP
      }
      if invocation.flag("allow-insecure-http") { configuration.allowInsecureHTTP = true }
      configuration.caCertificatePath =
        invocation.flags["ca-cert"]?.displayText ?? configuration.caCertificatePath ?? profile?.caCertificate
      configuration.requestTimeout = invocation.settings.timeout
      let fresh: DocSpaceClient
      do throws(APIError) {
        fresh = try DocSpaceClient(configuration: configuration, calls: portal.calls)
      } catch {
        guard case .badCACertificate = error, invocation.flags["ca-cert"] != nil else { throw CommandFailure(error) }
        throw CommandFailure(.connection, error.message, argument: .flag("ca-cert"))
      }
      let label = profile?.name ?? again?.label
      // Signed in and identified before it replaces the session's client: a failed connect
      // leaves the working connection as it was.
      // Signing in is no change a dry run holds back: every later read needs it.
      var options = await portal.options(for: invocation, watching: false)
      options.dryRun = false
      let client = fresh.with(options)
      let me: Employee
      do {
        if let userName {
          var password = environment["DOCSPACE_PASSWORD"]
          if password == nil { password = await invocation.host.readSecret("Password for \(userName): ") }
          guard let password, !password.isEmpty else {
            throw CommandFailure(
              .connection, "no password: set DOCSPACE_PASSWORD or run connect in the interactive shell")
          }
          _ = try await calling { () async throws(APIError) in
            try await client.signIn(userName: userName, password: password)
          }
        }
        me = try await calling { () async throws(APIError) in try await client.me() }
      } catch var failure as CommandFailure where failure.status == 401 {
        await fresh.shutdown()
        // Nothing works now anyway: this portal is the one to try again, and the prompt names it.
        if await !portal.isSignedIn {
          await portal.rememberRefused(
            .init(configuration: configuration, label: label, profile: profile?.name, account: userName))
        }
        if userName == nil, credential != .none {
          let save = profile.map { " --save \($0.name)" } ?? ""
          failure.help = "sign in again: connect --user EMAIL\(save)"
        }
        throw failure
      } catch {
        await fresh.shutdown()
        throw error
      }
      await portal.install(fresh, label: label, me: me, profile: profile?.name)
      invocation.host.inform("connected to \(url.absoluteString) as \(me.displayName) (\(me.role))")
      if let name = invocation.flags["save"]?.displayText {
        guard let saved = client.credential.loginToken else {
          throw CommandFailure(
            .usage, "--save keeps login tokens only: sign in with --user, or put an API key in token-env")
        }
        let file = try profiles.save(name: name, portal: url.absoluteString, token: saved)
        invocation.host.inform(
          "saved profile '\(name)': token in \(file) (mode 0600); next time: dsh --profile \(name)")
      }
      return .null
    }
  }
}
