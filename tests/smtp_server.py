"""A real SMTP server for Termin's tests (aiosmtpd).

Usage: smtp_server.py PORT MAILDIR [FAIL_FIRST [CODE]]

Accepts every message and writes it to MAILDIR as NNNN.eml, except that the
first FAIL_FIRST messages are refused with CODE: 451 (temporary, the default)
or 550 (permanent).
Prints "ready" once it listens, then serves until it is killed.
"""

import os
import sys
import time

from aiosmtpd.controller import Controller


class Handler:
    def __init__(self, maildir, fail_first, code):
        self.maildir = maildir
        self.fail_first = fail_first
        self.code = code
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        if self.fail_first > 0:
            self.fail_first -= 1
            if self.code == 550:
                return "550 5.1.1 Mailbox unavailable"
            return "451 4.3.0 Temporary failure, try again later"
        self.count += 1
        path = os.path.join(self.maildir, "%04d.eml" % self.count)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(tmp, path)
        return "250 2.0.0 OK"


def main():
    port = int(sys.argv[1])
    maildir = sys.argv[2]
    fail_first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    code = int(sys.argv[4]) if len(sys.argv) > 4 else 451
    os.makedirs(maildir, exist_ok=True)
    controller = Controller(Handler(maildir, fail_first, code), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
