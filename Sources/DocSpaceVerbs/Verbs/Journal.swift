import DSHLanguage

extension DocSpaceVerbs {
  static func journal(_ portal: PortalConnection) -> CommandSpec {
    CommandSpec(
      name: "journal",
      summary: "The local record of sessions this shell has ended: runs, outcomes, what is unfinished",
      discussion: """
        Kept in $XDG_STATE_HOME/dsh/journal.jsonl (default ~/.local/state/dsh/), mode 0600, one \
        JSON object a line, never a secret. Each request's intent is written before it is sent \
        and its outcome when it is known, so a crash or a kill loses nothing that was sent. \
        Without flags: one record per run with its outcome counts. --unfinished: the targets \
        that were sent without a known answer or never sent; re-running them is safe (an ended \
        session answers not-active): journal --unfinished | revoke --yes. While connected, \
        --unfinished lists only the connected portal's targets (ids are per portal).
        """,
      category: .shell,
      signature: Signature(flags: [
        Flag("unfinished", help: "the targets whose result is unknown or that were never sent")
      ]),
      output: .unknown,
      examples: [
        Example("journal | where verb == \"revoke\" | count", "how many revoke runs", .runs),
        Example("journal --unfinished | count", "what an interrupted run left", .runs),
      ],
      seeAlso: ["revoke", "revoke-user", "history"]
    ) { invocation in
      let reader = JournalReader(paths: JournalPaths(environment: portal.environment))
      if reader.unreadable > 0 {
        invocation.host.inform(
          "journal: skipped \(reader.unreadable) unreadable line\(reader.unreadable == 1 ? "" : "s") (torn by a crash, or from an older dsh)"
        )
      }
      guard invocation.flag("unfinished") else { return .list(reader.runs()) }
      // Connection ids are numbers per portal: another portal's unfinished ids must never
      // reach a revoke here, so only this portal's are listed while connected.
      let unfinished = reader.unfinished()
      guard let here = await portal.client?.configuration.baseURL.absoluteString else { return .list(unfinished) }
      return .list(unfinished.filter { $0.asRecord?["portal"] == .string(here) })
    }
  }
}
