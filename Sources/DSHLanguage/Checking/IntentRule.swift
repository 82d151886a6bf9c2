/// The rule for calls that can end many sessions: in a script (nobody to ask) they must say so.
///
/// Decided statically by the checker where it can, at run time otherwise.
enum IntentRule {
  /// The flags that state intent.
  static let flags: Set<String> = ["yes", "expect-count", "dry-run"]

  /// Whether the call is refused: true or false, or nil when the target's shape is not
  /// known yet (`targetIsList` nil for a `whenList` verb).
  static func refuses(
    _ rule: CommandSpec.EndsSessions, interactive: Bool, confirm: Bool, dryRun: Bool, givenFlags: Set<String>,
    targetIsList: Bool?
  ) -> Bool? {
    if rule == .never || interactive || !confirm || dryRun || !givenFlags.isDisjoint(with: flags) { return false }
    if rule == .many { return true }
    return targetIsList
  }
}
