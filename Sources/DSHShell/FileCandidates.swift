import Foundation

/// Paths that complete a partly typed one (`examples/off` → `examples/offboard-list.dsh`);
/// directories end in `/`.
///
/// Hidden entries only when the name typed starts with a dot.
enum FileCandidates {
  /// The most entries one directory listing offers.
  static let limit = 500

  static func matching(_ typed: String, in directory: String) -> [Completer.Candidate] {
    let cut = typed.lastIndex(of: "/").map { typed.index(after: $0) } ?? typed.startIndex
    let folder = String(typed[..<cut])
    let name = typed[cut...]
    let listed = expand(folder.isEmpty ? "." : folder, in: directory)
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
    return entries.filter { $0.hasPrefix(name) && (name.hasPrefix(".") || !$0.hasPrefix(".")) }.sorted()
      .prefix(limit).map { entry in
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: listed + "/" + entry, isDirectory: &isDirectory)
        return Completer.Candidate(text: folder + entry + (isDirectory.boolValue ? "/" : ""), description: "")
      }
  }

  static func expand(_ path: String, in directory: String) -> String {
    if path == "~" || path.hasPrefix("~/") { return NSHomeDirectory() + path.dropFirst() }
    return path.hasPrefix("/") ? path : directory + "/" + path
  }
}
