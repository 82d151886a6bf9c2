import DSHLanguage
import DocSpaceAPI
import Foundation

extension DocSpaceVerbs {
  static func revoke(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "revoke", summary: "End sessions by id: yours, or (admins) anyone's",
      discussion: """
        S is a session or login record, a connection id, or a list of them. Each target gets one \
        result record: closed, not-active (unknown or already ended), forbidden, failed, unknown (sent, \
        no answer) or skipped (never sent). Lists run concurrently: with set concurrency auto (the \
        default) more requests go in flight while the portal keeps up, fewer when it rate-limits \
        (429) or is unavailable (503); a number fixes the most. They are journaled request by \
        request (see journal). A list skips \
        the shell's own connection unless --include-self. The question and the results name \
        each session's user (from login and sign-in records: one lookup per person).
        """,
      category: .sessions,
      signature: Signature(
        [
          Parameter(
            "S", optional: true, help: "session/login record, connection id, or a list of them; default: the input"
          ).checked(Targets.sessionCheck).completing(.connectionIds)
        ],
        flags: SafetyRails.flags + [Flag("include-self", help: "a list may end the shell's own connection too")]),
      output: .unknown,
      examples: [
        Example(
          "$s = sessions | where not current; revoke $s[0] | get outcome", "end one session", .output("closed\n")),
        Example("revoke 999999 | get outcome", "an unknown id is not an error", .output("not-active\n")),
        Example("revoke (sessions | where not current) --dry-run | count", "see the requests first", .output("3\n")),
      ],
      seeAlso: ["sessions", "logins", "revoke-user", "revoke-others"],
      calls: [
        Endpoint.me.call(
          when:
            "only when who is signed in is not known yet, to name your sessions and the journal's caller: alongside the first requests when the targets are sessions you listed, else before them; or when no connect, whoami or sessions has named the shell's own connection"
        ),
        Endpoint.activeConnections.call(
          when: "only for bare connection ids not listed before, to tell which are yours; not in a dry run"),
        Endpoint.person.call(when: "once per other person named in the targets, to name them; not in a dry run"),
        Endpoint.logOutConnection.call(when: "once per target"),
        Endpoint.activeConnections.call(
          when: "only when the answer about one of your own sessions was lost, to settle it"),
      ],
      role: "any user for their own; Owner or DocSpace admin for others'", endsSessions: .whenList
    ) { invocation in
      let argument = try invocation.positionalOrInput(0, named: "S")
      var targets = try Targets.sessions(argument)
      let isList = argument.asList != nil
      let client = try await portal.client(for: invocation)
      let own = try await calling { () async throws(APIError) in try await portal.ownConnection(client) }
      if isList && !invocation.flag("include-self") && own != 0 {
        let count = targets.count
        targets.removeAll { $0.id == own }
        if targets.count < count {
          invocation.host.inform("revoke: skipping the shell's own connection \(own) (add --include-self to end it)")
        }
      }
      try SafetyRails.checkCount(invocation, count: targets.count)
      if client.options.dryRun {
        var planned: [APIRequest] = []
        for target in targets {
          planned.append(
            try await DryRun.plan { () async throws(APIError) in _ = try await client.logOut(connection: target.id) })
        }
        return DryRun.value(planned)
      }
      let includesOwn = own != 0 && targets.contains { $0.id == own }
      // One GET @self names your sessions and the journal's caller, and tells which login
      // records are yours. It is read before the run when the question needs it, when a
      // record may be yours, or when the run ends this shell's own connection (a read
      // alongside could meet the ended token); else alongside the run, not a round trip before.
      let listed = await portal.listedOwn(among: targets.map(\.id))
      let recordMayBeYours = targets.contains { $0.userId != nil && !listed.contains($0.id) }
      if targets.contains(where: { $0.userId != nil })
        && (SafetyRails.asks(invocation) || includesOwn || recordMayBeYours)
      {
        await portal.learnCaller(client)
      }
      // The sessions a `sessions` listing showed are yours: their user id is yours.
      let listedUsers = Set(targets.filter { listed.contains($0.id) }.compactMap { $0.userId?.lowercased() })
      let myId = await portal.me?.id.lowercased() ?? (listedUsers.count == 1 ? listedUsers.first : nil)
      let ownIds = try await ownSessions(targets, own: own, myId: myId, listed: listed, client: client)
      let users = targets.compactMap { $0.userId?.lowercased() }.reduce(into: [String]()) { seen, id in
        if !seen.contains(id) { seen.append(id) }
      }
      let people = await Person.lookUp(
        users.filter { $0 != myId }, portal: portal, client: client, concurrency: invocation.settings.concurrency)
      try SafetyRails.stopIfInterrupted()
      let owners = users.map { $0 == myId ? "you" : people[$0]?.text ?? $0 }
      try await SafetyRails.confirm(
        invocation,
        question:
          "End \(targets.count) session\(targets.count == 1 ? "" : "s")\(owners.isEmpty ? "" : " of \(SafetyRails.list(owners))")\(includesOwn ? ", including this shell's own" : "")?",
        needed: targets.count > 1 || includesOwn)
      var options = client.options
      options.retriesRateLimits = false
      let bulk = client.with(options)
      let work: @Sendable (Targets.Session, SendHook) async -> Attempt = { target, hook in
        hook.willSend(target.journalTarget)
        do throws(APIError) {
          // PUT logout/{id} is idempotent: a second one for an ended session answers false.
          let closed = try await bulk.logOut(connection: target.id)
          // An earlier attempt was sent and its answer lost; the portal now has no such session:
          // that attempt is what ended it (the target was active when the run chose it).
          if !closed && hook.earlierAttemptUnanswered {
            return .finished(
              .closed, status: 200, error: "the first attempt's answer was lost; the retry found it already ended")
          }
          return .finished(closed ? .closed : .notActive, status: 200, error: nil)
        } catch {
          return Attempt(error, sent: true, forbidden: "ending another user's session needs the \(adminRole) role")
        }
      }
      let chosen = targets
      var report = await BulkRunner.run(
        chosen, invocation: invocation, verb: "revoke", portal: portal, client: client,
        readsCallerAlongside: !includesOwn,
        settle: { results, unknown in
          await settleOwn(results, unknown, targets: chosen, ownIds: ownIds, client: client)
        }, work)
      let me = await portal.me.map { Person($0) }
      let names = targets.map { target in
        guard let id = target.userId?.lowercased() else { return ownIds.contains(target.id) ? me?.text : nil }
        return id == myId ? me?.text : people[id]?.text
      }
      for index in report.results.indices { report.results[index].name = names[index] }
      await portal.forget(
        sessionIds: Set(zip(chosen, report.results).filter { !$0.1.outcome.isFailure }.map(\.0.id)))
      if includesOwn, let index = chosen.firstIndex(where: { $0.id == own }),
        report.results[index].outcome == .closed
      {
        await portal.markSignedOut()
      }
      guard isList else {
        let result = report.results[0]
        if report.interrupted || result.outcome.isFailure {
          throw CommandFailure(
            report.interrupted ? .interrupted : .api, result.error ?? result.outcome.rawValue, status: result.status,
            argument: .positional(0))
        }
        return result.value
      }
      invocation.host.inform(report.summary)
      return try report.finish()
    }
  }

  /// Which targets are the caller's own: the shell's, those of the caller's records, and
  /// those an earlier `sessions` listed (`listed`).
  ///
  /// A bare id known from none of these is looked up in
  /// one GET of the caller's connections, so that it is named and, if its answer is lost, settled.
  static func ownSessions(
    _ targets: [Targets.Session], own: Int, myId: String?, listed: Set<Int>, client: DocSpaceClient
  ) async throws -> Set<Int> {
    var ids = Set(
      targets.filter { $0.id == own || listed.contains($0.id) || (myId != nil && $0.userId?.lowercased() == myId) }
        .map(\.id))
    guard targets.contains(where: { $0.userId == nil && !ids.contains($0.id) }) else { return ids }
    let mine = try await calling { () async throws(APIError) in try await client.activeConnections() }
    ids.formUnion(mine.items.map(\.id))
    return ids
  }

  /// Unknown outcomes among the caller's own sessions, settled with one GET: gone means
  /// the lost answer was a success; still listed means the request did not take effect.
  static func settleOwn(
    _ results: [TargetResult], _ unknown: [Int], targets: [Targets.Session], ownIds: Set<Int>, client: DocSpaceClient
  ) async -> [Int: TargetResult] {
    let own = unknown.filter { ownIds.contains(targets[$0].id) }
    guard !own.isEmpty, let now = try? await client.activeConnections() else { return [:] }
    let active = Set(now.items.map(\.id))
    var settled: [Int: TargetResult] = [:]
    for index in own {
      var result = results[index]
      if active.contains(targets[index].id) {
        result.outcome = .failed
        result.error = "still active: the request did not take effect (checked with one GET)"
      } else {
        result.outcome = .closed
        result.error = "the answer was lost, but the session is gone (checked with one GET)"
      }
      settled[index] = result
    }
    return settled
  }
}
