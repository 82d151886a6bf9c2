/// How the record commands take their input: a record, or a list of records.
enum RecordInput {
  /// `transform` applied to a record input, or to each record of a list.
  static func map(_ invocation: Invocation, _ transform: (Record) throws -> Record) throws -> Value {
    if case .record(let record) = invocation.input { return .record(try transform(record)) }
    return .list(try records(invocation).map { .record(try transform($0)) })
  }

  /// The input as a list of records, or an input failure naming the first item that is not one.
  static func records(_ invocation: Invocation) throws -> [Record] {
    guard case .list(let items) = invocation.input else {
      throw CommandFailure(
        .input, "'\(invocation.name)' needs a record or a list of records as input, got \(invocation.input.typeName)")
    }
    return try items.enumerated().map { index, item in
      guard case .record(let record) = item else {
        throw CommandFailure(.input, "'\(invocation.name)' works on records; item \(index) is \(item.typeName)")
      }
      return record
    }
  }
}
