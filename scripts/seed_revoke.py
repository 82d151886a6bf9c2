"""End every active connection of the signed-in user except the current one, the way the
DocSpace API examples do it: one request after another with `requests`, one PUT per id.

The peer that scripts/bench-bulk times dsh against.

Usage: python3 seed_revoke.py PORTAL_URL TOKEN
  PORTAL_URL  e.g. https://yourportal.onlyoffice.com (or a dsh-sim address)
  TOKEN       the asc_auth_key token of POST api/2.0/authentication
Prints how many connections were closed.
"""

import sys

import requests

# Set API base URL and the token from the command line
API_URL = sys.argv[1].rstrip("/")
TOKEN = sys.argv[2]

# The token goes in the asc_auth_key cookie: only then does the portal know which
# connection is the current one (loginEvent), so that it is not ended too.
HEADERS = {
    "Cookie": f"asc_auth_key={TOKEN}",
    "Accept": "application/json",
    "Content-Type": "application/json",
}

session = requests.Session()


# Step 1: Retrieve all active connections of the current user
def get_all_active_connections():
    url = f"{API_URL}/api/2.0/security/activeconnections"
    response = session.get(url, headers=HEADERS)

    if response.status_code == 200:
        return response.json()["response"]
    else:
        print(f"Failed to retrieve active connections: {response.status_code} - {response.text}")
        return None


# Step 2: Log out a specific connection by its login event ID
def log_out_active_connection(login_event_id):
    url = f"{API_URL}/api/2.0/security/activeconnections/logout/{login_event_id}"
    response = session.put(url, headers=HEADERS)

    if response.status_code == 200:
        return response.json()["response"]
    else:
        print(f"Failed to log out connection {login_event_id}: {response.status_code} - {response.text}")
        return None


if __name__ == "__main__":
    connections = get_all_active_connections()
    if connections is None:
        sys.exit(1)
    current = connections["loginEvent"]
    closed = 0
    for connection in connections["items"]:
        if connection["id"] != current and log_out_active_connection(connection["id"]):
            closed += 1
    print(closed)
