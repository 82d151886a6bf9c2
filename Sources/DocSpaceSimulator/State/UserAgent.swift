/// Browser and platform names from a User-Agent, the way DocSpace's UAParser shows them.
enum UserAgent {
  static func browser(_ agent: String?) -> String? {
    guard let agent, !agent.isEmpty else { return nil }
    let rules: [(marker: String, name: String)] = [
      ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Version/", "Safari"),
      ("curl/", "curl"),
    ]
    for rule in rules {
      if let range = agent.range(of: rule.marker) {
        let major = agent[range.upperBound...].prefix { $0.isNumber }
        return major.isEmpty ? rule.name : "\(rule.name) \(major)"
      }
    }
    return "Other"
  }

  static func platform(_ agent: String?) -> String? {
    guard let agent, !agent.isEmpty else { return nil }
    if agent.contains("Windows NT 10") { return "Windows 10" }
    if agent.contains("Windows") { return "Windows" }
    if let range = agent.range(of: "Android ") {
      return "Android \(agent[range.upperBound...].prefix { $0.isNumber })"
    }
    if let range = agent.range(of: "iPhone OS ") { return "iOS \(agent[range.upperBound...].prefix { $0.isNumber })" }
    if agent.contains("Mac OS X") { return "Mac OS X 10" }
    if agent.contains("Linux") { return "Linux" }
    return "Other"
  }
}
