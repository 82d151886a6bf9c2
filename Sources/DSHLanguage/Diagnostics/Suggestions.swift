/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
  /// The candidates closest to `name`, best first; only reasonably close ones.
  public static func closest(to name: String, in candidates: [String], limit: Int = 1) -> [String] {
    let lowered = name.lowercased()
    let scored = candidates.compactMap { candidate -> (String, Int)? in
      if candidate.lowercased() == lowered && candidate != name { return (candidate, 0) }
      let distance = editDistance(lowered, candidate.lowercased())
      let allowed = max(1, min(3, name.count / 3))
      return distance <= allowed ? (candidate, distance) : nil
    }
    return scored.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(limit).map(\.0)
  }

  /// "did you mean 'x'?" or nil.
  public static func didYouMean(_ name: String, in candidates: [String]) -> String? {
    closest(to: name, in: candidates).first.map { "did you mean '\($0)'?" }
  }

  /// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
