# SPDX-License-Identifier: MIT
"""A real SAMP hub (astropy's, with the Web Profile on port 21012) and a real receiving client (astropy's
SAMPIntegratedClient) for the browser's round trip. The hub accepts a Web Profile registration only from the
origin given (as a reader would in the hub's dialog) and refuses any other. The client downloads the URL of
each message it receives, with no cookie or credential, and prints one JSON line a message: its mtype, the
HTTP status and the SHA-256 of the bytes. The script runs until its standard input closes.

    samp_peer.py ORIGIN LOCKFILE
"""
import hashlib
import json
import socket
import sys
import threading
import time
import urllib.error
import urllib.request

from astropy.samp import SAMPHubServer, SAMPIntegratedClient
from astropy.samp.hub import WebProfileDialog

origin, lockfile = sys.argv[1], sys.argv[2]
lock = threading.Lock()


def say(**fields):
    with lock:
        print(json.dumps(fields), flush=True)


class OriginPolicy(WebProfileDialog):
    """The consent a reader gives in the hub's dialog, as a policy: this Meridian page's origin, and no other."""

    def show_dialog(self, samp_name, details, client, request_origin):
        accepted = request_origin == origin
        say(event="registration", name=samp_name, origin=request_origin, accepted=accepted)
        (self.consent if accepted else self.reject)()


# astropy only warns when the Web Profile's port is taken, and would run a hub the browser cannot reach.
with socket.socket() as probe:
    # As the hub's own server does: a closed connection's TIME_WAIT does not hold the port, a listener does.
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind(("127.0.0.1", 21012))
    except OSError as error:
        sys.exit(f"port 21012 (the SAMP Web Profile's) is taken: {error}")

policy = OriginPolicy()
hub = SAMPHubServer(addr="127.0.0.1", lockfile=lockfile, web_profile=True, web_profile_dialog=policy)
hub.start(wait=False)


def poll_dialog():
    while hub.is_running:
        policy.handle_queue()
        time.sleep(0.02)


threading.Thread(target=poll_dialog, daemon=True).start()

receiver = SAMPIntegratedClient(name="astropy-receiver", description="Downloads what it is sent")
receiver.connect(hub=hub)


def received(private_key, sender_id, mtype, params, extra):
    url = params.get("url", "")
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            body = response.read()
            say(event="message", mtype=mtype, sender=sender_id, name=params.get("name"), url=url, status=response.status,
                sha256=hashlib.sha256(body).hexdigest(), bytes=len(body))
    except urllib.error.HTTPError as error:
        say(event="message", mtype=mtype, sender=sender_id, name=params.get("name"), url=url, status=error.code, sha256=None, bytes=0)


for message_type in ("image.load.fits", "table.load.fits", "table.load.votable"):
    receiver.bind_receive_notification(message_type, received)

say(event="ready", receiver=receiver.get_public_id())
try:
    sys.stdin.read()
finally:
    receiver.disconnect()
    hub.stop()
