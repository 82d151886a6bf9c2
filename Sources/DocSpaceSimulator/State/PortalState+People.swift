import Foundation

extension PortalState {
  /// Whether `viewer` may see `target` (CanUserViewAnotherUser).
  func canView(_ target: SimUser, by viewer: SimUser) -> Bool {
    if target.id == viewer.id || viewer.isAdmin { return true }
    if viewer.role == .roomAdmin { return target.role != .guest }
    return false
  }

  /// People matching every word of `filter` in first name, last name or email, sorted by first name.
  func people(filter: String?) -> [SimUser] {
    let words = (filter ?? "").lowercased().split(separator: " ").map(String.init)
    return users.filter { user in
      words.allSatisfy { word in
        user.firstName.lowercased().contains(word) || user.lastName.lowercased().contains(word)
          || user.email.lowercased().contains(word)
      }
    }.sorted { ($0.firstName, $0.lastName) < ($1.firstName, $1.lastName) }
  }

  func user(idOrUserName: String) -> SimUser? {
    let wanted = idOrUserName.lowercased()
    return users.first { $0.id == wanted || $0.userName.lowercased() == wanted }
  }
}
