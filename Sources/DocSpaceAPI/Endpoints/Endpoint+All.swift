extension Endpoint {
  /// Every route dsh calls, in the order `help api` lists them.
  public static let all: [Endpoint] = [
    activeConnections, logOutConnection, logOutAllOfUser, logOutAllExceptThis, logOutAllChangePassword,
    signIn, signOut, me, people, peopleSearch, person, personByEmail, loginEvents,
  ]
}
