"""A real SMTP server (aiosmtpd) on 127.0.0.1 that appends every message it
receives to a JSON-lines file: recipients, subject and body.

``--delay`` holds each message that long before accepting it, as a slow mail
server would: a sender killed meanwhile loses the connection, and the message
is not accepted (aiosmtpd cancels the handler). Once written to the file, it
counts as accepted, as a server's queue on disk would.

    python scripts/faults/smtpsink.py --port 2525 --out .services/faults/mail.jsonl
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from email import message_from_bytes, policy
from pathlib import Path

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, out: Path, delay: float = 0.0) -> None:
        self.out = out
        self.delay = delay

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        if self.delay:
            await asyncio.sleep(self.delay)
        message = message_from_bytes(envelope.content, policy=policy.default)
        body = message.get_body(preferencelist=("plain",))
        record = {
            "at": time.time(),
            "to": list(envelope.rcpt_tos),
            "subject": str(message["subject"] or ""),
            "body": body.get_content() if body else "",
        }
        with self.out.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return "250 OK"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--delay", type=float, default=0.0, help="seconds per message")
    args = parser.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    controller = Controller(
        Sink(args.out, args.delay), hostname="127.0.0.1", port=args.port
    )
    controller.start()
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
