"""The home page's fields of action with their counts, the next events and
the call's counter: what they show, that they stay within the page's query
budget (``tests/site/test_query_counts.py``) and that every change a visitor
would see replaces what the page cache and the content-versioned values
hold."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kb import page_cache
from kb.models import EventPage, Signature
from kb.taxonomy import FieldOfAction
from tests.site.content import add_project
from website.home_sections import EVENTS_KEPT, next_events

pytestmark = pytest.mark.django_db


def _section(page_html: str, marker: str) -> str | None:
    match = re.search(rf"<section[^>]*{marker}.*?</section>", page_html, re.S)
    return match.group(0) if match else None


def _tiles(page_html: str) -> dict[str, tuple[str, str]]:
    """Field name → (link, the link's text as a screen reader reads it)."""
    section = _section(page_html, 'id="themen"')
    assert section, "no field tiles on the home page"
    tiles = {}
    for href, inner in re.findall(r'<li><a href="([^"]+)">(.*?)</a></li>', section):
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", inner)).split())
        name = html.unescape(re.search(r'tiles__name">([^<]+)<', inner).group(1))
        tiles[name] = (href, text)
    return tiles


def _home(client: Client | None = None) -> str:
    response = (client or Client()).get("/")
    assert response.status_code == 200
    return response.content.decode()


def _add_event(parent, title: str, start: dt.datetime, **kw) -> EventPage:
    event = EventPage(
        title=title,
        kind="workshop",
        start=start,
        venue=kw.pop("venue", "Hannover, Leibnizhaus"),
        teaser=f"{title}.",
        **kw,
    )
    parent.add_child(instance=event)
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def _sign(call, email: str, confirmed: bool) -> Signature:
    now = timezone.now()
    return Signature.objects.create(
        call=call,
        kind=Signature.Kind.PERSON,
        name=email.split("@")[0],
        email=email,
        consent_text="Einverstanden",
        consented_at=now,
        confirmed_at=now if confirmed else None,
    )


def test_every_field_of_action_is_a_tile_with_its_count_in_the_link(site_content):
    index = site_content.project_index
    add_project(index, "Jobbrücke Celle", fields=("arbeit",))
    add_project(index, "Deutsch und Arbeit", fields=("sprache", "arbeit"))
    draft = add_project(index, "Nur ein Entwurf", fields=("arbeit",))
    draft.unpublish()
    hidden = add_project(index, "Nur für Mitglieder", fields=("arbeit",))
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.LOGIN
    )

    tiles = _tiles(_home())

    fields = list(FieldOfAction.objects.order_by("sort_order", "name"))
    assert list(tiles) == [field.name for field in fields]
    sprache = FieldOfAction.objects.get(slug="sprache")
    arbeit = FieldOfAction.objects.get(slug="arbeit")
    # The field with a topic page links there, the others to the search.
    assert tiles[sprache.name] == (
        site_content.topic.url,
        f"{sprache.name}, 2 Projekte",
    )
    assert tiles[arbeit.name] == ("/suche/?field=arbeit", f"{arbeit.name}, 2 Projekte")
    empty = next(f for f in fields if f.slug not in {"sprache", "arbeit"})
    assert tiles[empty.name] == (
        f"/suche/?field={empty.slug}",
        f"{empty.name}, 0 Projekte",
    )


def test_one_project_is_counted_in_the_singular(site_content):
    tiles = _tiles(_home())
    name = FieldOfAction.objects.get(slug="sprache").name
    assert tiles[name][1] == f"{name}, 1 Projekt"


def test_the_next_three_upcoming_public_events_show_by_start(site_content):
    index = site_content.event_index
    now = timezone.now()
    _add_event(index, "Werkstatt Wohnen", now + dt.timedelta(days=3))
    _add_event(index, "Fachtag Arbeit", now + dt.timedelta(days=10))
    _add_event(index, "Landeskonferenz", now + dt.timedelta(days=60))
    _add_event(index, "Rückblick Sprache", now - dt.timedelta(days=2))
    draft = _add_event(index, "Abgesagt", now + dt.timedelta(days=1))
    draft.unpublish()
    closed = _add_event(index, "Nur intern", now + dt.timedelta(days=2))
    PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.LOGIN
    )

    section = _section(_home(), 'aria-labelledby="events-heading"')

    assert section, "no events on the home page"
    titles = re.findall(r'<a href="[^"]+">([^<]+)</a>\s*<p class="meta">', section)
    # site_content's regional conference is 30 days ahead.
    assert titles == [
        "Werkstatt Wohnen",
        "Fachtag Arbeit",
        "Regionalkonferenz Lüneburg",
    ]
    # German date and time, the machine-readable start in ``datetime``.
    event = site_content.event
    local = timezone.localtime(event.start)
    month = GERMAN_MONTHS[local.month - 1]
    stamp = re.search(
        rf'<a href="{event.url}">Regionalkonferenz Lüneburg</a>\s*<p class="meta">'
        r'<time datetime="([^"]+)">([^<]+)</time> · Lüneburg, Leuphana</p>',
        section,
    )
    assert stamp, section
    assert dt.datetime.fromisoformat(stamp.group(1)) == event.start
    assert stamp.group(2) == f"{local.day}. {month} {local:%Y, %H:%M} Uhr"
    index_url = site_content.event_index.url
    assert f'<a href="{index_url}">Alle Veranstaltungen</a>' in section


GERMAN_MONTHS = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]


def test_no_events_section_without_upcoming_events(site_content):
    site_content.event.unpublish()
    _add_event(
        site_content.event_index, "Rückblick", timezone.now() - dt.timedelta(days=1)
    )
    assert _section(_home(), 'aria-labelledby="events-heading"') is None


def test_an_event_that_began_drops_off_without_a_content_change(
    rf, cached_site, settings
):
    """The kept list is read by the clock: no new version is needed when an
    event begins, and a list whose kept events have all begun is read afresh."""
    index = cached_site.event_index
    now = timezone.now()
    starts = [now + dt.timedelta(hours=hours) for hours in range(1, EVENTS_KEPT + 2)]
    for number, start in enumerate(starts):
        _add_event(index, f"Termin {number}", start)
    request = rf.get("/")
    assert [e.title for e in next_events(request)] == [
        "Termin 0",
        "Termin 1",
        "Termin 2",
    ]
    version = page_cache.current_version()

    later = now + dt.timedelta(hours=1, minutes=30)
    assert [e.title for e in next_events(request, now=later)] == [
        "Termin 1",
        "Termin 2",
        "Termin 3",
    ]
    # Every kept event has begun: the next ones come from the database.
    much_later = starts[EVENTS_KEPT - 1] + dt.timedelta(minutes=1)
    assert [e.title for e in next_events(request, now=much_later)] == [
        f"Termin {EVENTS_KEPT}",
        "Regionalkonferenz Lüneburg",
    ]
    assert page_cache.current_version() == version


def test_the_call_counter_counts_confirmed_signatures_and_links_the_call(
    site_content,
):
    call = site_content.call
    _sign(call, "hanna@example.org", confirmed=True)
    _sign(call, "jan@example.org", confirmed=True)
    _sign(call, "offen@example.org", confirmed=False)

    section = _section(_home(), 'class="call-counter"')

    assert section, "no call counter on the home page"
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())
    assert "2 Unterschriften" in text
    assert re.search(
        rf'<a class="[^"]*kern-btn[^"]*" href="{call.url}">'
        r'<span class="kern-label">Aufruf unterzeichnen</span></a>',
        section,
    )


def test_no_call_counter_without_a_public_call(site_content):
    site_content.call.unpublish()
    assert _section(_home(), 'class="call-counter"') is None


def test_publishing_a_project_an_event_and_confirming_a_signature_show_at_once(
    cached_site, settings, clean_rate_limits, django_capture_on_commit_callbacks
):
    """With the page cache on: each change a visitor would see on home makes
    the next request render afresh; an unconfirmed signature does not."""
    from tests.kb.test_call_page import sign

    settings.PAGE_CACHE_SECONDS = 300
    client = Client()
    assert client.get("/")[page_cache.HEADER] == "miss"
    response = client.get("/")
    assert response[page_cache.HEADER] == "hit"
    name = FieldOfAction.objects.get(slug="arbeit").name
    assert _tiles(response.content.decode())[name][1] == f"{name}, 0 Projekte"

    add_project(cached_site.project_index, "Jobbrücke Celle", fields=("arbeit",))
    response = client.get("/")
    assert response[page_cache.HEADER] == "miss"
    assert _tiles(response.content.decode())[name][1] == f"{name}, 1 Projekt"

    start = timezone.now() + dt.timedelta(days=1)
    _add_event(cached_site.event_index, "Werkstatt Wohnen", start)
    response = client.get("/")
    assert response[page_cache.HEADER] == "miss"
    events = _section(response.content.decode(), 'aria-labelledby="events-heading"')
    assert "Werkstatt Wohnen" in events

    call = cached_site.call
    with django_capture_on_commit_callbacks(execute=False):
        assert sign(Client(), call, email="hanna@example.org").status_code == 302
    response = client.get("/")
    assert response[page_cache.HEADER] == "hit"
    counter = _section(response.content.decode(), 'class="call-counter"')
    assert "<strong>0</strong> Unterschriften" in counter

    signature = Signature.objects.get(email="hanna@example.org")
    confirm = call.url + call.reverse_subpage("confirm", args=[signature.make_token()])
    confirmed = Client().post(confirm)
    assert confirmed.context["outcome"] == "confirmed"
    response = client.get("/")
    assert response[page_cache.HEADER] == "miss"
    counter = _section(response.content.decode(), 'class="call-counter"')
    assert "<strong>1</strong> Unterschrift</p>" in counter


def test_deleting_a_confirmed_signature_replaces_the_version(cached_site):
    signature = _sign(cached_site.call, "hanna@example.org", confirmed=True)
    unconfirmed = _sign(cached_site.call, "offen@example.org", confirmed=False)
    before = page_cache.current_version()
    unconfirmed.delete()
    assert page_cache.current_version() == before
    signature.delete()
    assert page_cache.current_version() != before
