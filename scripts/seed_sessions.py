"""The seed documents' way to list active connections, as the bench's peer for dsh's start-up:
one `requests` GET with the API key as Bearer, the answer's connections counted.

Reads DOCSPACE_URL and DOCSPACE_TOKEN (an sk- API key). Uses the standard library when
`requests` is not installed (the bench installs it in a venv).
"""
import json
import os
import sys

API_URL = os.environ["DOCSPACE_URL"].rstrip("/")
HEADERS = {
    "Authorization": f"Bearer {os.environ['DOCSPACE_TOKEN']}",
    "Accept": "application/json",
    "Content-Type": "application/json",
}


def get_all_active_connections():
    url = f"{API_URL}/api/2.0/security/activeconnections"
    try:
        import requests
    except ImportError:
        import urllib.request

        with urllib.request.urlopen(urllib.request.Request(url, headers=HEADERS)) as response:
            return json.load(response)
    response = requests.get(url, headers=HEADERS)
    if response.status_code != 200:
        sys.exit(f"Failed to retrieve active connections: {response.status_code} - {response.text}")
    return response.json()


print(len(get_all_active_connections()["response"]["items"]))
