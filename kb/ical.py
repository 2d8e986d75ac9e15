"""iCalendar output for events (single event and feed)."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.html import strip_tags
from icalendar import Calendar, Event

PRODUCT_ID = "-//Niedersachsen packt an//Gute Praxis//DE"


def build_calendar(events: Iterable, request) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Niedersachsen packt an – Veranstaltungen")
    for page in events:
        entry = Event()
        entry.add("uid", f"event-{page.pk}@niedersachsen-packt-an")
        entry.add("summary", page.title)
        entry.add("dtstart", page.start)
        entry.add("dtend", page.end or page.start)
        entry.add("dtstamp", page.last_published_at or page.start)
        if page.venue:
            entry.add("location", page.venue)
        entry.add("description", strip_tags(page.teaser))
        entry.add("url", page.get_full_url(request))
        calendar.add_component(entry)
    return calendar.to_ical()
