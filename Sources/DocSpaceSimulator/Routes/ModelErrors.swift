/// The model errors of a request's query, by parameter name, which `[ApiController]` answers
/// with one 400 before the action runs.
struct ModelErrors: Error {
  var errors: [(String, [String])]
}
