import Foundation

extension PortalState {
  /// Whether `viewer` may see `target` (CanUserViewAnotherUser).
  func canView(_ target: SimUser, by viewer: SimUser) -> Bool {
    if target.id == viewer.id || viewer.isAdmin { return true }
    if viewer.role == .roomAdmin { return target.role != .guest }
    return false
  }

  /// The people a query selects for `viewer`, in its order, before paging: the filters of SERVER
  /// `common/ASC.Core.Common/Data/DbUserService.cs:767-976` (`GetUserQueryForFilter`) with the
  /// groups of UserController.cs:2583-2715 (`GetByFilterAsync`), and the order of
  /// DbUserService.cs:322-434.
  ///
  /// A room admin sees no guest: the simulator keeps no relations between users, and only related
  /// guests are shown to one who is not an admin (DbUserService.cs:898-962).
  func people(_ query: PeopleQuery, viewer: SimUser) -> [SimUser] {
    let admin = viewer.isAdmin
    let textMatches = Self.textFilter(query.text, separator: query.separator)
    return order(query.order).map { users[$0] }.filter { user in
      statusMatches(user, query.employeeStatus, admin: admin)
        && (query.activationStatus.map { user.activation.rawValue == $0 } ?? true)
        && typeMatches(user, query.employeeType, area: query.area) && areaMatches(user, query.area)
        && canView(user, by: viewer)
        && textMatches(user)
    }
  }

  /// The indices of `users` in `order` (a total order: filtering keeps it), sorted the first
  /// time a listing asks for it.
  private func order(_ order: PeopleQuery.Order) -> [Int] {
    if let known = peopleOrders[order] { return known }
    let sorted = users.indices.sorted {
      Self.precedes(users[$0], users[$1], by: order.sortBy, ascending: order.ascending)
    }
    peopleOrders[order] = sorted
    return sorted
  }

  /// DbUserService.cs:862-889: without a status, an admin sees everyone and others all but
  /// the disabled; Default lists only the active, like Active.
  private func statusMatches(_ user: SimUser, _ status: Int?, admin: Bool) -> Bool {
    switch status {
    case nil: return admin || user.status != .terminated
    case 4?: return user.status == .pending
    case 2?: return admin && user.status == .terminated
    case 7?: return admin || user.status != .terminated
    case 1?, 5?: return user.status == .active
    default: return true
    }
  }

  /// `FilterByUserType` (UserController.cs:2694-2713): DocSpace admins are the admin group
  /// (the owner is in it), room admins those in none of the admin, user and guest groups;
  /// the type is ignored when it contradicts the area.
  private func typeMatches(_ user: SimUser, _ type: Int?, area: Int) -> Bool {
    switch type {
    case 3? where area != 2: return user.isAdmin
    case 1? where area != 2: return user.role == .roomAdmin
    case 4? where area != 2: return user.role == .user
    case 2? where area != 1: return user.role == .guest
    default: return true
    }
  }

  /// DbUserService.cs:771-787: People leaves out the guest group, Guests keeps only it.
  private func areaMatches(_ user: SimUser, _ area: Int) -> Bool {
    switch area {
    case 1: return user.role != .guest
    case 2: return user.role == .guest
    default: return true
    }
  }

  /// `UserQueryHelper.FilterByText` (SERVER `common/ASC.Core.Common/Users/UserQueryHelper.cs:53-91`):
  /// the lower-cased, trimmed text split at spaces, every part in the first name, last name or email;
  /// with a separator, split at it instead and any part will do.
  ///
  /// Parts are not trimmed, and an empty part is in every name.
  /// The text is prepared once per listing, not once per person.
  static func textFilter(_ text: String?, separator: String?) -> (SimUser) -> Bool {
    let processed = (text ?? "").lowercased().trimmingCharacters(in: .whitespaces)
    guard !processed.isEmpty else { return { _ in true } }
    func holds(_ user: SimUser, _ part: String) -> Bool {
      part.isEmpty
        || [user.firstName, user.lastName, user.email].contains { $0.lowercased().contains(part) }
    }
    guard let separator, !separator.isEmpty else {
      let parts = processed.components(separatedBy: " ")
      return { user in parts.allSatisfy { holds(user, $0) } }
    }
    let parts = processed.components(separatedBy: separator)
    return { user in parts.contains { holds(user, $0) } }
  }

  /// The order of `GetUsers` (DbUserService.cs:322-434).
  ///
  /// Names sort after the status (active, invited, disabled) and an invited user by email; the type
  /// order is owner, admins, room admins, users, guests, then first name. Ties, which the database
  /// leaves unordered, go by first name, last name and id here, so pages do not shift.
  static func precedes(_ one: SimUser, _ other: SimUser, by sort: PeopleQuery.SortBy, ascending: Bool) -> Bool {
    func bucket(_ user: SimUser) -> Int {
      switch user.status {
      case .active: return 0
      case .pending: return 1
      case .terminated: return 2
      }
    }
    func typeRank(_ user: SimUser) -> Int {
      switch user.role {
      case .owner: return 0
      case .docSpaceAdmin: return 1
      case .roomAdmin: return 2
      case .user: return 3
      case .guest: return 4
      }
    }
    func name(_ user: SimUser, _ part: String) -> String {
      (user.status == .pending ? user.email : part).lowercased()
    }
    func ordered<T: Comparable>(_ left: T, _ right: T) -> Bool? {
      left == right ? nil : (ascending ? left < right : left > right)
    }
    let primary: Bool?
    switch sort {
    case .firstName, .displayName:
      if bucket(one) != bucket(other) { return bucket(one) < bucket(other) }
      primary = ordered(name(one, one.firstName), name(other, other.firstName))
    case .lastName:
      if bucket(one) != bucket(other) { return bucket(one) < bucket(other) }
      primary = ordered(name(one, one.lastName), name(other, other.lastName))
    case .type:
      primary = ordered(typeRank(one), typeRank(other))
    case .email:
      primary = ordered(one.email.lowercased(), other.email.lowercased())
    case .department:
      // Nobody is in a group, so only the first name orders, in the requested direction.
      primary = ordered(one.firstName.lowercased(), other.firstName.lowercased())
    case .registrationDate:
      primary = ordered(one.registered, other.registered)
    case .usedSpace, .createdBy:
      // Nobody uses space or was invited by anyone here: all equal.
      primary = nil
    }
    if let primary { return primary }
    return (one.firstName.lowercased(), one.lastName.lowercased(), one.id)
      < (other.firstName.lowercased(), other.lastName.lowercased(), other.id)
  }

  func user(idOrUserName: String) -> SimUser? {
    let wanted = idOrUserName.lowercased()
    return users.first { $0.id == wanted || $0.userName.lowercased() == wanted }
  }
}
