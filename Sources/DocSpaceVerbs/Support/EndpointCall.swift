import DSHLanguage
import DocSpaceAPI

extension Endpoint {
  /// The declaration as help and `explain` show it; `when` says when the verb makes the
  /// call, if not always, and `purpose` why.
  func call(when: String? = nil, purpose: String? = nil) -> APICall {
    func fields(_ fields: [Endpoint.Field]) -> [APICall.Field] {
      fields.map { APICall.Field($0.name, $0.type, $0.help) }
    }
    return APICall(
      method: method, path: path, summary: summary, query: fields(query), body: fields(body), auth: auth.rawValue,
      role: role, responseType: response.type, response: fields(response.fields), reference: referenceURL,
      when: when, purpose: purpose)
  }
}
