"""``make load``: locust, headless, against the stack on 127.0.0.1.

    LOAD_USERS (50)  LOAD_SECONDS (120; the issue's run: 600)  LOAD_SPAWN_RATE (5)

Prints p50/p95 per endpoint and fails on any error."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.faults.attach import project_paths, running_stack  # noqa: E402
from scripts.faults.stack import BIN, HOME, REPO  # noqa: E402


def main() -> int:
    users = int(os.environ.get("LOAD_USERS", 50))
    seconds = int(os.environ.get("LOAD_SECONDS", 120))
    rate = os.environ.get("LOAD_SPAWN_RATE", "5")
    with running_stack() as stack:
        paths_file = HOME / "load-project-paths.txt"
        paths_file.write_text("\n".join(project_paths(stack)))
        prefix = HOME / "load"
        subprocess.run(  # noqa: S603
            [
                str(BIN / "locust"),
                "-f",
                str(REPO / "scripts" / "faults" / "locustfile.py"),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                rate,
                "--run-time",
                f"{seconds}s",
                "--host",
                stack.base_url,
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=REPO,
            env={**os.environ, "LOAD_PROJECT_PATHS": str(paths_file)},
            check=False,
        )
    with open(f"{prefix}_stats.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    print(f"\n{users} users, {seconds} s\n")
    print("| endpoint | requests | failures | p50 ms | p95 ms | req/s |")
    print("|---|---|---|---|---|---|")
    failures = 0
    for row in rows:
        failures += int(row["Failure Count"]) if row["Name"] == "Aggregated" else 0
        print(
            f"| {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
            f"| {row['50%']} | {row['95%']} | {float(row['Requests/s']):.1f} |"
        )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
