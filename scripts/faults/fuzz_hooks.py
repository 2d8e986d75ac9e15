"""schemathesis hook (``SCHEMATHESIS_HOOKS``): every generated request comes
from an address of its own, so the per-address limits answer 429 to a real
flood, not to the fuzzer's thousand cases."""

from __future__ import annotations

import random

import schemathesis

ADDRESSES = random.SystemRandom()


@schemathesis.hook
def before_call(context, case, kwargs) -> None:
    # Not the random module, which hypothesis seeds: its addresses repeat.
    octets = [ADDRESSES.randint(0, 255) for _ in range(2)] + [ADDRESSES.randint(1, 254)]
    case.headers = {
        **(case.headers or {}),
        "X-Forwarded-For": "10." + ".".join(map(str, octets)),
    }
