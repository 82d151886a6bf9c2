import Foundation

/// Requests as a runnable Python 3 script in the style of the API's own examples: one function per
/// call, every status checked, the first failure stops it.
///
/// It takes no arguments: the portal comes from `DOCSPACE_URL` and the credential from
/// `DOCSPACE_TOKEN`, sent as dsh sends it (a login token in the `asc_auth_key` cookie, an `sk-` key
/// as `Authorization: Bearer`). Standard library only, so it runs wherever Python 3 does. Sign-in
/// calls are left out: the script is given its token.
public struct PythonScript: Sendable {
  /// The requests the script makes, in order, without sign-ins.
  public var requests: [APIRequest]

  /// A script making `requests` in order; sign-in requests are dropped.
  public init(requests: [APIRequest]) { self.requests = requests.filter { !$0.isSignIn } }

  /// The script's source: a prelude, one function per request, and a `main` that calls them in order.
  public var text: String {
    let steps = requests.enumerated().map { Self.step($0.offset + 1, $0.element) }
    let calls = requests.indices.map { "    \(Self.functionName($0 + 1, requests[$0]))()" }
    return Self.prelude(count: requests.count) + steps.joined() + """

      def main():
      \(calls.isEmpty ? "    pass" : calls.joined(separator: "\n"))


      if __name__ == "__main__":
          main()

      """
  }

  static func prelude(count: Int) -> String {
    """
    #!/usr/bin/env python3
    \"\"\"\(count) call\(count == 1 ? "" : "s") to the DocSpace API, in the order a dsh session made them.

    Run it with the portal and a credential in the environment, as dsh reads them:

        DOCSPACE_URL=https://portal.example.com DOCSPACE_TOKEN=... python3 THIS_FILE

    A login token travels in the asc_auth_key cookie, an sk-... API key as
    "Authorization: Bearer". The first call that fails stops the script (exit status 1).
    \"\"\"
    import json
    import os
    import sys
    import urllib.error
    import urllib.request

    API_URL = os.environ.get("DOCSPACE_URL", "").rstrip("/")
    TOKEN = os.environ.get("DOCSPACE_TOKEN", "")
    if not API_URL or not TOKEN:
        sys.exit("set DOCSPACE_URL and DOCSPACE_TOKEN")


    def headers():
        result = {"Accept": "application/json", "Content-Type": "application/json"}
        if TOKEN.startswith("sk-"):
            result["Authorization"] = f"Bearer {TOKEN}"
        else:
            result["Cookie"] = f"asc_auth_key={TOKEN}"
        return result


    def call(method, path, body=None):
        \"\"\"Sends one request; returns the status and the decoded answer.\"\"\"
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(API_URL + path, data=data, method=method, headers=headers())
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read().decode()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    """
  }

  static func step(_ number: Int, _ request: APIRequest) -> String {
    var lines = [
      "", "", "# Step \(number): \(request.method) \(request.path)", "def \(functionName(number, request))():",
      "    path = \(pythonString(request.path))",
    ]
    var arguments = "\(pythonString(request.method)), path"
    if let body = request.body {
      lines.append("    body = json.loads(\(pythonString(String(decoding: body, as: UTF8.self))))")
      for field in request.secretFields {
        lines.append("    body[\(pythonString(field))] = os.environ[\"DOCSPACE_PASSWORD\"]")
      }
      arguments += ", body"
    }
    lines += [
      "    status, answer = call(\(arguments))",
      "    if not 200 <= status < 300:",
      "        sys.exit(f\"Step \(number) failed: {status} - {answer}\")",
      "    print(f\"Step \(number): \(request.method) {path} -> {status}\")",
      "    return answer",
    ]
    return lines.joined(separator: "\n") + "\n"
  }

  /// `step_2_put_logout`: the step and the path's words, without ids or the API prefix.
  static func functionName(_ number: Int, _ request: APIRequest) -> String {
    let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
    let words = path.split(separator: "/").map(String.init).filter { word in
      !["api", "2.0"].contains(word) && word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "@" }
    }
    let slug = words.suffix(2).joined(separator: "_").lowercased().map { $0.isLetter ? $0 : "_" }
    return "step_\(number)_\(request.method.lowercased())_" + String(slug)
  }

  /// A Python string literal: JSON's string escapes are Python's too.
  static func pythonString(_ text: String) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    guard let data = try? encoder.encode(text) else { return "\"\"" }
    return String(decoding: data, as: UTF8.self)
  }
}

extension APIRequest {
  /// `POST /api/2.0/authentication`: how dsh got its token.
  var isSignIn: Bool { method == "POST" && path.hasPrefix("/api/2.0/authentication") }
}
