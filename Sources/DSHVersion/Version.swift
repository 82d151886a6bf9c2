import CBuildInfo

/// The one place dsh's version lives: `dsh --version`, `dsh-sim --version`, the `version`
/// command and the man pages all read it.
public enum Version {
  /// The release number; raise it when cutting a release.
  public static let number = "0.1.0"

  /// The git commit the binary was built from (`git describe --always --dirty`), or nil
  /// when it was built outside a checkout.
  public static var commit: String? {
    let text = String(cString: dsh_build_commit())
    return text.isEmpty ? nil : text
  }

  /// `0.1.0 (commit 2227533abcde)`, or just the number.
  public static var description: String {
    commit.map { "\(number) (commit \($0))" } ?? number
  }
}
