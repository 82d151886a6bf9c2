/// The lessons of `tour`, on the demo portal or any portal where you may end sessions.
enum TourSteps {
  static let all: [TourStep] = [
    TourStep(
      title: "Your sessions",
      lesson: """
        Every device or program signed in as you holds a session, an "active connection". \
        sessions lists yours: id is what revoke takes, current marks this shell's own, and \
        browser, platform, ip and date say where and when it signed in.
        """,
      tryThis: ["sessions"], verbs: ["sessions"],
      missing: TourStep.needing([("list your sessions: type sessions", { TourStep.runs("sessions", $0) })])),
    TourStep(
      title: "Filter and pick",
      lesson: """
        Results are records you can filter with where, trim with select and sort with sort. \
        A bare word in a condition is a field of the row.
        """,
      tryThis: ["sessions | where not current | select id browser ip date"], verbs: [],
      missing: TourStep.needing([
        ("filter the list: sessions | where …", { TourStep.runs("sessions", $0) && $0.contains("where") })
      ])),
    TourStep(
      title: "The shell's own connection",
      lesson: """
        The portal knows which session a request comes from by its asc_auth_key cookie. \
        whoami shows who you are; its loginEventId is this shell's own session id.
        """,
      tryThis: ["whoami", "sessions | where current"], verbs: ["whoami"],
      missing: TourStep.needing([
        (
          "find this shell's session: whoami, or sessions | where current",
          { TourStep.runs("whoami", $0) || $0.contains("where current") }
        )
      ])),
    TourStep(
      title: "Look before you leap",
      lesson: """
        --dry-run plans a change without sending it; curl shows the exact request, ready to \
        paste into a terminal (the token stays in $DOCSPACE_TOKEN).
        """,
      tryThis: ["$s = sessions | where not current", "revoke $s[0] --dry-run", "curl"], verbs: ["revoke"],
      missing: TourStep.needing([
        ("plan a revoke: revoke $s[0] --dry-run", { TourStep.runs("revoke", $0) && $0.contains("--dry-run") }),
        ("then read the request: curl", { TourStep.runs("curl", $0) }),
      ])),
    TourStep(
      title: "End one session",
      lesson: """
        revoke ends one session by id: the device behind it is signed out at its next request. \
        An id that is no longer active answers not-active, harmlessly.
        """,
      tryThis: ["revoke $s[0]"], verbs: ["revoke"],
      missing: TourStep.needing([
        ("end one: revoke $s[0]", { TourStep.runs("revoke", $0) && !$0.contains("--dry-run") })
      ])),
    TourStep(
      title: "Another person's sign-ins (admins)",
      lesson: """
        The API cannot list another person's open sessions, but an admin can read the sign-in \
        history: sessions-of gives a user's successful sign-ins, whose ids revoke takes.
        """,
      tryThis: ["sessions-of user@example.com"], verbs: ["sessions-of"],
      missing: TourStep.needing([
        (
          "read someone's sign-ins: sessions-of user@example.com",
          {
            TourStep.runs("sessions-of", $0) || TourStep.runs("logins", $0)
          }
        )
      ])),
    TourStep(
      title: "All of a user's sessions",
      lesson: """
        revoke-user ends every session of a person at once (an admin's call for someone who \
        left, or lost a laptop). dsh names the person and asks first.
        """,
      tryThis: ["revoke-user user@example.com"], verbs: ["revoke-user"],
      missing: TourStep.needing([
        (
          "end a person's sessions: revoke-user user@example.com",
          {
            TourStep.runs("revoke-user", $0) && !$0.contains("--dry-run")
          }
        )
      ])),
    TourStep(
      title: "The Bearer-versus-cookie trap",
      lesson: """
        revoke-others keeps the session named by the asc_auth_key cookie and ends the rest. A \
        program that sends its token only as "Authorization: Bearer …" has no such cookie, so the \
        portal keeps nothing and ends that program's own session too. dsh sends the cookie when it \
        signed in with a password, and refuses (unless --yes) when it holds an API key.
        """,
      tryThis: ["help revoke-others", "revoke-others --dry-run"], verbs: ["revoke-others"],
      missing: TourStep.needing([
        ("plan it: revoke-others --dry-run", { TourStep.runs("revoke-others", $0) })
      ])),
    TourStep(
      title: "Change the password",
      lesson: """
        change-password ends all of your sessions, this shell's too, and returns a link to set \
        a new password: what to do when a password leaked. Try it as a dry run here.
        """,
      tryThis: ["change-password --dry-run"], verbs: ["change-password"],
      missing: TourStep.needing([
        ("plan it: change-password --dry-run", { TourStep.runs("change-password", $0) })
      ])),
    TourStep(
      title: "Take it home",
      lesson: """
        export dsh saves the entries that worked as a script; dsh check reads it whole before \
        anything runs, and dsh FILE runs it against a real portal (--portal URL, DOCSPACE_TOKEN).
        """,
      tryThis: ["export dsh ~/tour.dsh"], verbs: [],
      missing: TourStep.needing([("save your work: export dsh ~/tour.dsh", { TourStep.runs("export", $0) })])),
  ]
}
