"""``make fuzz``: schemathesis over ``/api/v1/openapi.json`` of the stack
(``FUZZ_EXAMPLES`` per operation, 150 by default: over 1,000 cases over the
API's operations), checking that no case answers 5xx."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.faults.attach import running_stack  # noqa: E402
from scripts.faults.stack import BIN, HOME, REPO  # noqa: E402


def main() -> int:
    examples = os.environ.get("FUZZ_EXAMPLES", "150")
    with running_stack() as stack:
        result = subprocess.run(  # noqa: S603
            [
                str(BIN / "st"),
                "run",
                f"{stack.base_url}/api/v1/openapi.json",
                "--url",
                stack.base_url,
                "--checks",
                "not_a_server_error",
                "--max-examples",
                examples,
                "--seed",
                os.environ.get("FUZZ_SEED", "18"),
                "--workers",
                "2",
                "--report",
                "junit",
                "--report-dir",
                str(HOME / "fuzz-report"),
            ],
            cwd=REPO,
            env={
                **os.environ,
                "SCHEMATHESIS_HOOKS": str(
                    REPO / "scripts" / "faults" / "fuzz_hooks.py"
                ),
            },
            check=False,
        )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
