"""One illustration per field of action, drawn with Pillow for the demo.

Flat, abstract shapes in each field's colours (speech bubbles for language,
a gear and steps for work, houses for housing …): nothing copied, the same
pixels on every run. ``load_demo`` stores them as Wagtail images with a German
alt text and makes them the demo projects' lead pictures;
``scripts/draw_illustrations.py`` writes them to files for a look."""

from __future__ import annotations

import functools
import math
import random
from dataclasses import dataclass
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.images import get_image_model

WIDTH, HEIGHT = 1200, 750  # 16:10, wide enough for a 1200 px srcset entry
SCALE = 2  # drawn at twice the size and scaled down: smooth edges
TITLE_PREFIX = "Illustration Handlungsfeld: "
WHITE = "#ffffff"


@dataclass(frozen=True)
class Palette:
    background: str
    primary: str
    secondary: str


# The fields' colours: dark enough on their light background for a 3:1
# contrast of the shapes (WCAG 1.4.11), one warm accent each.
PALETTES: dict[str, Palette] = {
    "sprache": Palette("#e8eefb", "#2044aa", "#e0a100"),
    "arbeit": Palette("#e5f6f1", "#00725a", "#2044aa"),
    "engagement": Palette("#fdecef", "#b0164e", "#e08a00"),
    "wohnen": Palette("#fff3e0", "#a35200", "#00725a"),
    "teilhabe": Palette("#efe8f7", "#5e35b1", "#e0a100"),
    "bildung": Palette("#e3f2fd", "#0b5cab", "#d84315"),
    "gesundheit": Palette("#e0f2f1", "#00695c", "#c21f1f"),
    "beratung": Palette("#eceff1", "#37474f", "#0b5cab"),
    "kultur_sport": Palette("#fff8e1", "#bf360c", "#2e7d32"),
}
DEFAULT_PALETTE = Palette("#f3f4f7", "#2044aa", "#e0a100")

# What each picture shows, for the alt text after "Illustration zum
# Handlungsfeld <name>: ".
MOTIFS: dict[str, str] = {
    "sprache": "zwei Sprechblasen in Blau und Gelb",
    "arbeit": "ein grünes Zahnrad neben blauen Säulen, die nach rechts wachsen",
    "engagement": "ein dunkelrotes Herz, umgeben von orangefarbenen Punkten",
    "wohnen": "drei Häuser in Braun und Grün mit weißen Fenstern",
    "teilhabe": "acht violette Figuren im Kreis um einen gelben Mittelpunkt",
    "bildung": "ein blaues aufgeschlagenes Buch unter einer orangeroten Sonne",
    "gesundheit": "ein weißes Kreuz auf grünem Kreis über einer roten Pulslinie",
    "beratung": "ein Wegweiser mit drei Schildern in zwei Richtungen",
    "kultur_sport": "ein grüner Ball und zwei verbundene Musiknoten",
    "": "Kreise und Linien in Blau und Gelb",
}


def _s(*values: float) -> list[float]:
    return [value * SCALE for value in values]


def _background(draw: ImageDraw.ImageDraw, slug: str, palette: Palette) -> None:
    # A few faint circles, placed by a generator seeded with the slug.
    rng = random.Random(slug)
    for _ in range(6):
        x, y = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)
        r = rng.uniform(60, 180)
        draw.ellipse(_s(x - r, y - r, x + r, y + r), fill=WHITE)


def _sprache(draw, p: Palette) -> None:
    draw.rounded_rectangle(_s(230, 150, 700, 420), radius=60 * SCALE, fill=p.primary)
    draw.polygon(_s(320, 410, 290, 530, 440, 410), fill=p.primary)
    for x in (380, 465, 550):
        draw.ellipse(_s(x - 28, 257, x + 28, 313), fill=WHITE)
    draw.rounded_rectangle(_s(520, 330, 970, 580), radius=60 * SCALE, fill=p.secondary)
    draw.polygon(_s(860, 570, 910, 670, 780, 570), fill=p.secondary)
    for y, right in ((420, 880), (490, 800)):
        draw.rounded_rectangle(
            _s(600, y - 16, right, y + 16), radius=16 * SCALE, fill=WHITE
        )


def _arbeit(draw, p: Palette) -> None:
    cx, cy, r = 420, 380, 170
    for i in range(10):
        angle = i * math.pi / 5
        points = []
        for da, dr in (
            (-0.16, r - 10),
            (-0.11, r + 50),
            (0.11, r + 50),
            (0.16, r - 10),
        ):
            points += _s(cx + dr * math.cos(angle + da), cy + dr * math.sin(angle + da))
        draw.polygon(points, fill=p.primary)
    draw.ellipse(_s(cx - r, cy - r, cx + r, cy + r), fill=p.primary)
    draw.ellipse(_s(cx - 60, cy - 60, cx + 60, cy + 60), fill=p.background)
    for i, top in enumerate((520, 420, 320, 220)):
        left = 680 + i * 110
        draw.rectangle(_s(left, top, left + 100, 640), fill=p.secondary)


def _engagement(draw, p: Palette) -> None:
    draw.ellipse(_s(400, 190, 620, 410), fill=p.primary)
    draw.ellipse(_s(580, 190, 800, 410), fill=p.primary)
    draw.polygon(_s(412, 345, 788, 345, 600, 610), fill=p.primary)
    for i in range(8):
        angle = i * math.pi / 4 + math.pi / 8
        x, y = 600 + 330 * math.cos(angle), 375 + 290 * math.sin(angle)
        draw.ellipse(_s(x - 30, y - 30, x + 30, y + 30), fill=p.secondary)


def _wohnen(draw, p: Palette) -> None:
    houses = ((170, 330, p.primary), (480, 250, p.secondary), (790, 330, p.primary))
    for left, top, colour in houses:
        width = 250
        draw.polygon(
            _s(left - 30, top, left + width / 2, top - 150, left + width + 30, top),
            fill=colour,
        )
        draw.rectangle(_s(left, top, left + width, 620), fill=colour)
        for wx in (left + 40, left + width - 100):
            draw.rectangle(_s(wx, top + 50, wx + 60, top + 110), fill=WHITE)
        draw.rectangle(_s(left + 95, 520, left + 155, 620), fill=p.background)
    draw.rectangle(_s(80, 620, 1120, 640), fill=p.primary)


def _teilhabe(draw, p: Palette) -> None:
    draw.ellipse(_s(510, 285, 690, 465), fill=p.secondary)
    for i in range(8):
        angle = i * math.pi / 4
        x, y = 600 + 250 * math.cos(angle), 375 + 250 * math.sin(angle)
        draw.ellipse(_s(x - 32, y - 62, x + 32, y + 2), fill=p.primary)
        draw.pieslice(_s(x - 58, y + 8, x + 58, y + 124), 180, 360, fill=p.primary)


def _bildung(draw, p: Palette) -> None:
    draw.polygon(_s(300, 290, 595, 340, 595, 620, 300, 570), fill=p.primary)
    draw.polygon(_s(900, 290, 605, 340, 605, 620, 900, 570), fill=p.primary)
    for i in range(4):
        y = 380 + i * 50
        draw.line(_s(340, y, 560, y + 35), fill=WHITE, width=12 * SCALE)
        draw.line(_s(860, y, 640, y + 35), fill=WHITE, width=12 * SCALE)
    cx, cy = 880, 170
    for i in range(12):
        angle = i * math.pi / 6
        draw.line(
            _s(
                cx + 80 * math.cos(angle),
                cy + 80 * math.sin(angle),
                cx + 120 * math.cos(angle),
                cy + 120 * math.sin(angle),
            ),
            fill=p.secondary,
            width=14 * SCALE,
        )
    draw.ellipse(_s(cx - 65, cy - 65, cx + 65, cy + 65), fill=p.secondary)


def _gesundheit(draw, p: Palette) -> None:
    draw.ellipse(_s(400, 150, 800, 550), fill=p.primary)
    draw.rectangle(_s(560, 230, 640, 470), fill=WHITE)
    draw.rectangle(_s(480, 310, 720, 390), fill=WHITE)
    pulse = (100, 640, 420, 640, 470, 580, 530, 700, 590, 610, 640, 640, 1100, 640)
    draw.line(_s(*pulse), fill=p.secondary, width=18 * SCALE, joint="curve")


def _beratung(draw, p: Palette) -> None:
    draw.rectangle(_s(580, 160, 625, 660), fill=p.primary)
    draw.polygon(_s(625, 190, 900, 190, 960, 245, 900, 300, 625, 300), fill=p.secondary)
    draw.polygon(_s(580, 330, 300, 330, 240, 385, 300, 440, 580, 440), fill=p.primary)
    draw.polygon(_s(625, 470, 840, 470, 900, 525, 840, 580, 625, 580), fill=p.secondary)
    draw.rectangle(_s(470, 650, 735, 680), fill=p.primary)


def _kultur_sport(draw, p: Palette) -> None:
    cx, cy, r = 420, 400, 170
    draw.ellipse(_s(cx - r, cy - r, cx + r, cy + r), fill=p.secondary)
    draw.arc(
        _s(cx - 260, cy - 150, cx + 60, cy + 170), 300, 60, fill=WHITE, width=14 * SCALE
    )
    draw.arc(
        _s(cx - 60, cy - 170, cx + 260, cy + 150),
        120,
        240,
        fill=WHITE,
        width=14 * SCALE,
    )
    for x, y in ((760, 540), (930, 490)):
        draw.ellipse(_s(x - 60, y - 42, x + 60, y + 42), fill=p.primary)
        draw.rectangle(_s(x + 38, y - 290, x + 60, y), fill=p.primary)
    draw.polygon(_s(798, 250, 990, 200, 990, 250, 798, 300), fill=p.primary)


def _default(draw, p: Palette) -> None:
    draw.ellipse(_s(350, 180, 750, 580), fill=p.primary)
    draw.line(_s(150, 620, 1050, 620), fill=p.secondary, width=20 * SCALE)


DRAWINGS = {
    "sprache": _sprache,
    "arbeit": _arbeit,
    "engagement": _engagement,
    "wohnen": _wohnen,
    "teilhabe": _teilhabe,
    "bildung": _bildung,
    "gesundheit": _gesundheit,
    "beratung": _beratung,
    "kultur_sport": _kultur_sport,
}


@functools.cache
def draw(slug: str) -> bytes:
    """The PNG of a field's illustration (a plain one for an unknown slug);
    kept per process, as the pixels never change."""
    palette = PALETTES.get(slug, DEFAULT_PALETTE)
    image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), palette.background)
    canvas = ImageDraw.Draw(image)
    _background(canvas, slug, palette)
    DRAWINGS.get(slug, _default)(canvas, palette)
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def alt_text(slug: str, name: str) -> str:
    motif = MOTIFS.get(slug, MOTIFS[""])
    return f"Illustration zum Handlungsfeld {name}: {motif}"


def ensure_illustrations(fields) -> dict[str, tuple[object, str]]:
    """The illustration of each field of action by slug, with its alt text;
    existing ones (found by title) are reused."""
    model = get_image_model()
    titles = {f"{TITLE_PREFIX}{field.name}": field for field in fields}
    existing = {image.title: image for image in model.objects.filter(title__in=titles)}
    result = {}
    for title, field in titles.items():
        alt = alt_text(field.slug, field.name)
        image = existing.get(title)
        if image is None:
            image = model(title=title, description=alt)
            image.file = ImageFile(BytesIO(draw(field.slug)), name=f"{field.slug}.png")
            image.save()
        result[field.slug] = (image, alt)
    return result
