"""Write the graders' view of the corpus: every project as plain text, with
nothing from the search system (``python -m eval.grading_sheet``)."""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _names(path: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    taxonomy = json.loads((ROOT / "kb/data/taxonomy.json").read_text("utf-8"))
    regions = json.loads(
        (ROOT / "kb/data/regions-niedersachsen.json").read_text("utf-8")
    )
    districts = {
        d["ags"]: f"{d['kind']} {d['name']}" if d["kind"] == "Landkreis" else d["name"]
        for region in regions["regions"]
        for d in region["districts"]
    }
    fields = {f["slug"]: f["name"] for f in taxonomy["fields_of_action"]}
    groups = {g["slug"]: g["name"] for g in taxonomy["target_groups"]}
    return districts, fields, groups


def sheet(projects: list[dict]) -> str:
    districts, fields, groups = _names(ROOT)
    parts = []
    for p in projects:
        where = (
            "landesweit"
            if p.get("statewide")
            else ", ".join(districts.get(ags, ags) for ags in p.get("districts", []))
        )
        lines = [
            f"## {p['external_id']}",
            f"Titel: {p['title']}",
            f"Träger: {p.get('organisation') or '–'}",
            f"Ort: {p.get('place') or '–'} ({where})",
            "Handlungsfelder: "
            + ", ".join(fields.get(s, s) for s in p.get("fields", [])),
            "Zielgruppen: "
            + (", ".join(groups.get(s, s) for s in p.get("target_groups", [])) or "–"),
            f"Kurz: {p.get('teaser', '')}",
            f"Beschreibung: {p.get('description', '')}",
        ]
        offers = [o["text"] for o in p.get("offers", [])]
        needs = [n["text"] for n in p.get("needs", [])]
        if offers:
            lines.append("Bietet: " + " | ".join(offers))
        if needs:
            lines.append("Sucht: " + " | ".join(needs))
        if p.get("tags"):
            lines.append("Schlagworte: " + ", ".join(p["tags"]))
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    projects = json.loads((HERE / "corpus/projects.json").read_text("utf-8"))
    out = HERE / "grading" / "corpus.md"
    out.parent.mkdir(exist_ok=True)
    out.write_text(sheet(projects), encoding="utf-8")
    print(f"{len(projects)} projects → {out}")
