"""Demo images drawn locally with Pillow: coloured shapes and a short text."""

from __future__ import annotations

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model

# key: (title, label, background, accent, alt text)
IMAGES: dict[str, tuple[str, str, str, str, str]] = {
    "logo-freundeskreis-celle": (
        "Logo Freundeskreis Asyl Celle",
        "FAC",
        "#1b5e20",
        "#a5d6a7",
        "Logo des Freundeskreises Asyl Celle: grüner Kreis mit den Buchstaben FAC",
    ),
    "logo-netzwerk-wendland": (
        "Logo Netzwerk Ehrenamt Wendland",
        "NEW",
        "#4e342e",
        "#ffcc80",
        "Logo des Netzwerks Ehrenamt Wendland: braunes Feld mit den Buchstaben NEW",
    ),
    "logo-st-ansgar": (
        "Logo Migrationsdienst St. Ansgar",
        "MSA",
        "#0d47a1",
        "#90caf9",
        "Logo des Migrationsdienstes St. Ansgar: blauer Kreis mit den Buchstaben MSA",
    ),
    "logo-fahrradfreunde": (
        "Logo Fahrradfreunde Oldenburg",
        "FFO",
        "#e65100",
        "#fff3e0",
        "Logo der Fahrradfreunde Oldenburg: zwei Räder auf orangem Grund",
    ),
    "logo-migrationsdienst-bs": (
        "Logo Evangelischer Migrationsdienst Braunschweig",
        "EMD",
        "#4a148c",
        "#e1bee7",
        "Logo des Evangelischen Migrationsdienstes: violetter Kreis mit EMD",
    ),
    "logo-frauennetzwerk": (
        "Logo Frauennetzwerk Brücke",
        "FNB",
        "#ad1457",
        "#f8bbd0",
        "Logo des Frauennetzwerks Brücke: ein Brückenbogen auf rosa Grund",
    ),
    "galerie-tandem": (
        "Sprachtandem in der Bibliothek",
        "Tandem",
        "#006064",
        "#80deea",
        "Zeichnung: zwei Sprechblasen über einem Tisch – ein Sprachtandem",
    ),
    "galerie-fahrradkurs": (
        "Fahrradkurs auf dem Schulhof",
        "Radkurs",
        "#bf360c",
        "#ffab91",
        "Zeichnung: ein Fahrrad auf einem Schulhof, daneben Verkehrshütchen",
    ),
    "galerie-sprachkurs": (
        "Sprachkurs mit Kinderbetreuung",
        "Kurs",
        "#283593",
        "#c5cae9",
        "Zeichnung: eine Tafel mit dem Wort Hallo und ein Spielteppich",
    ),
}


def _draw(label: str, background: str, accent: str) -> bytes:
    image = PILImage.new("RGB", (480, 320), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((40, 60, 240, 260), fill=accent)
    draw.rectangle((270, 90, 440, 230), outline=accent, width=8)
    draw.polygon([(300, 210), (355, 110), (410, 210)], fill=accent)
    draw.text((60, 20), label, fill="#ffffff", font_size=36)
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_images() -> dict[str, tuple[object, str]]:
    """All demo images by key, with their alt text; existing ones are reused."""
    model = get_image_model()
    titles = {spec[0]: key for key, spec in IMAGES.items()}
    existing = {image.title: image for image in model.objects.filter(title__in=titles)}
    result = {}
    for key, (title, label, background, accent, alt) in IMAGES.items():
        image = existing.get(title)
        if image is None:
            data = _draw(label, background, accent)
            image = model(title=title, description=alt)
            image.file = ImageFile(BytesIO(data), name=f"{key}.png")
            image.save()
        elif image.description != alt:
            # Demo sites loaded before alt texts were required get theirs.
            image.description = alt
            image.save(update_fields=["description"])
        result[key] = (image, alt)
    return result
