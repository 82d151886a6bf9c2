"""End every session of each user named in a file of emails, the way the DocSpace API
examples do it: one request after another with `requests`, each email looked up, then one
PUT logoutall per user.

The peer that scripts/bench-bulk times dsh's revoke-user against.

Usage: python3 seed_revoke_user.py PORTAL_URL TOKEN EMAILS_FILE
  PORTAL_URL   e.g. https://yourportal.onlyoffice.com (or a dsh-sim address)
  TOKEN        the asc_auth_key token of POST api/2.0/authentication (an admin's, to end
               other users' sessions)
  EMAILS_FILE  one email per line
Prints how many users' sessions were ended.
"""

import sys

import requests

# Set API base URL and the token from the command line
API_URL = sys.argv[1].rstrip("/")
TOKEN = sys.argv[2]
EMAILS_FILE = sys.argv[3]

HEADERS = {
    "Cookie": f"asc_auth_key={TOKEN}",
    "Accept": "application/json",
    "Content-Type": "application/json",
}

session = requests.Session()


# Step 1: Find a user's id by their email
def get_user_id(email):
    url = f"{API_URL}/api/2.0/people/email"
    response = session.get(url, headers=HEADERS, params={"email": email})

    if response.status_code == 200:
        return response.json()["response"]["id"]
    else:
        print(f"Failed to find user {email}: {response.status_code} - {response.text}")
        return None


# Step 2: Log out every session of a user by their id
def log_out_all_sessions(user_id):
    url = f"{API_URL}/api/2.0/security/activeconnections/logoutall/{user_id}"
    response = session.put(url, headers=HEADERS)

    if response.status_code == 200:
        return True
    else:
        print(f"Failed to log out user {user_id}: {response.status_code} - {response.text}")
        return False


if __name__ == "__main__":
    with open(EMAILS_FILE) as file:
        emails = [line.strip() for line in file if line.strip()]
    ended = 0
    for email in emails:
        user_id = get_user_id(email)
        if user_id and log_out_all_sessions(user_id):
            ended += 1
    print(ended)
