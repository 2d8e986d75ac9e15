"""A stack for ``make load`` and ``make fuzz``: the one ``make faults`` left
running (``FAULTS_KEEP=1``) when its address answers, otherwise a fresh one
that is stopped afterwards."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from scripts.faults.stack import Stack, http_ok


@contextlib.contextmanager
def running_stack() -> Iterator[Stack]:
    stack = Stack()
    try:
        attached = http_ok(f"{stack.base_url}/healthz")
    except OSError:
        attached = False
    if attached:
        print(f"[stack] using the stack running at {stack.base_url}")
        yield stack
        return
    stack.up()
    try:
        yield stack
    finally:
        stack.down()


def project_paths(stack: Stack) -> list[str]:
    """Public paths of the first 50 live projects."""
    return stack.django(
        "import json\n"
        "from projects.models import ProjectPage\n"
        "pages = ProjectPage.objects.live().order_by('pk')[:50]\n"
        "print(json.dumps([p.get_url_parts()[2] for p in pages]))"
    )
