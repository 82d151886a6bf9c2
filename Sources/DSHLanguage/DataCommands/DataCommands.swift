/// The commands that work on data and on the session, needing no portal.
public enum DataCommands {
  public static let all: [CommandSpec] = [
    whereCommand, select, get, sort, first, last, skip, count, uniq, group, each, to, from, print,
    help, vars, set,
  ]
}
