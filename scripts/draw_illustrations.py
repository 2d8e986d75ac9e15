"""Write the demo's field-of-action illustrations (website.demo.illustrations) as
PNG files, to look at them without loading the demo.

    .venv/bin/python scripts/draw_illustrations.py [OUTPUT_DIR]

OUTPUT_DIR defaults to illustrations/.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from website.demo.illustrations import PALETTES, draw

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "illustrations")
    target.mkdir(parents=True, exist_ok=True)
    for slug in PALETTES:
        path = target / f"{slug}.png"
        path.write_bytes(draw(slug))
        print(f"{path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
