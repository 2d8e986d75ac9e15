"""axe-core in headless Chromium over every page type, reflow at 320 px, a
keyboard-only search, and no request leaving our origin on first load."""

from __future__ import annotations

import pytest

from kb import antispam
from tests.site.browser import (
    chromium,
    german_page,
    missing_tools,
    serious_violations,
)
from tests.site.content import add_project, build_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
REQUIRE = __import__("os").environ.get("REQUIRE_SERVICES") == "1"


@pytest.fixture
def browser():
    problems = missing_tools()
    if problems:
        message = "; ".join(problems)
        if REQUIRE:
            pytest.fail(message)
        pytest.skip(message)
    with chromium() as instance:
        yield instance


@pytest.fixture
def live_site(live_server, settings):
    settings.ELASTICSEARCH_URL = None
    content = build_site()
    add_project(content.project_index, "Jobpaten Braunschweig", ("03101",), ("arbeit",))
    return content


def _urls(content) -> dict[str, str]:
    urls = {name: page.url for name, page in content.pages().items()}
    urls.update(
        {
            "search": "/suche/?q=Sprache",
            "search_filtered": "/suche/?field=sprache",
            "search_map": "/suche/?field=sprache&view=map",
            "region": "/region/lueneburg/",
            "district": "/landkreis/03351/",
            "statistics": "/statistik/",
            "easy_language": "/leichte-sprache/",
        }
    )
    return urls


def test_no_page_type_has_serious_or_critical_axe_violations(
    browser, live_server, live_site
):
    page = german_page(browser)
    failures = {}
    for name, url in _urls(live_site).items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, (name, url, response.status)
        violations = serious_violations(page)
        if violations:
            failures[name] = violations
    assert failures == {}


# Elements wider than their box (a long German compound in a heading, a table
# that does not scroll by itself); scrolling containers are fine.
OVERFLOWING = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1
    && getComputedStyle(e).overflowX === 'visible')
  .map(e => e.tagName.toLowerCase() + ': ' + e.textContent.trim().slice(0, 40))"""


# WCAG 1.4.12: text spacing a reader may set must lose nothing.
TEXT_SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: .12em !important;"
    " word-spacing: .16em !important; } p { margin-block-end: 2em !important; }"
)


def test_every_page_type_reflows_at_320_px_and_takes_text_spacing(
    browser, live_server, live_site
):
    # WCAG 1.4.10: no scrolling sideways at 320 CSS px (a phone at 400 % zoom
    # of a 1280 px screen); 1.4.12 at both widths.
    failures = {}
    for width, spacing in [(320, False), (320, True), (1280, True)]:
        viewport = {"width": width, "height": 640}
        page = browser.new_page(locale="de-DE", viewport=viewport)
        for name, url in _urls(live_site).items():
            page.goto(live_server.url + url)
            if spacing:
                page.add_style_tag(content=TEXT_SPACING)
            sideways = page.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth"
            )
            overflowing = page.evaluate(OVERFLOWING)
            if sideways > 0 or overflowing:
                key = f"{name} at {width} px{' with text spacing' if spacing else ''}"
                failures[key] = (sideways, overflowing[:3])
    assert failures == {}


def test_english_pages_have_no_serious_axe_violations(browser, live_server, live_site):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/")
    with page.expect_navigation():
        page.click("a[hreflang=en]")
    assert page.get_attribute("html", "lang") == "en"
    assert serious_violations(page) == []


def test_no_request_leaves_our_origin_on_first_load(browser, live_server, live_site):
    page = german_page(browser)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    for url in _urls(live_site).values():
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
    foreign = [url for url in requested if not url.startswith(live_server.url)]
    assert requested and foreign == []


def _tab_until(page, script: str, wanted: list[str], what: str) -> None:
    """Press Tab until ``script`` says the focused element is ``wanted``."""
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate(script) == wanted:
            return
    pytest.fail(f"{what} is not reachable by Tab")


def test_search_with_filters_works_by_keyboard_alone(browser, live_server, live_site):
    page = german_page(browser)
    page.goto(live_server.url + "/suche/?q=")
    checkbox = page.locator("input[type=checkbox][name=field][value=arbeit]")
    assert checkbox.count() == 1
    # The facets are closed disclosures: find the field facet's summary, open it.
    assert not checkbox.is_visible()
    summary = "() => [document.activeElement.tagName, document.activeElement.innerText]"
    _tab_until(page, summary, ["SUMMARY", "Handlungsfeld"], "the field facet")
    page.keyboard.press("Enter")
    assert checkbox.is_visible()
    field = "() => [document.activeElement.name, document.activeElement.value]"
    _tab_until(page, field, ["field", "arbeit"], "the checkbox for 'arbeit'")
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "field=arbeit" in page.url
    results = page.locator("ol.results").inner_text()
    assert "Jobpaten Braunschweig" in results
    assert "Sprachpatenschaften in Celle" not in results


def test_on_a_phone_results_come_first_and_filters_open_in_a_dialog(
    browser, live_server, live_site
):
    page = browser.new_page(locale="de-DE", viewport={"width": 375, "height": 700})
    page.goto(live_server.url + "/suche/?q=")
    results = page.locator("ol.results").bounding_box()
    assert results["y"] < 700  # the first result is on the first screen
    opener = "() => [document.activeElement.tagName, document.activeElement.innerText]"
    _tab_until(page, opener, ["BUTTON", "Filter (0)"], "the filter button")
    page.keyboard.press("Enter")
    dialog = page.locator("dialog[data-filter-dialog]")
    assert dialog.evaluate("d => d.open")
    assert serious_violations(page) == []
    checkbox = dialog.locator("input[type=checkbox][name=field][value=arbeit]")
    summary = "() => [document.activeElement.tagName, document.activeElement.innerText]"
    _tab_until(page, summary, ["SUMMARY", "Handlungsfeld"], "the field facet")
    page.keyboard.press("Enter")
    field = "() => [document.activeElement.name, document.activeElement.value]"
    _tab_until(page, field, ["field", "arbeit"], "the checkbox for 'arbeit'")
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "field=arbeit" in page.url
    assert "Filter (1)" in page.locator("[data-filter-open]").inner_text()
    assert "Jobpaten Braunschweig" in page.locator("ol.results").inner_text()
    # Escape closes the dialog and focus goes back to its button.
    page.locator("[data-filter-open]").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert page.evaluate("() => document.activeElement.dataset.filterOpen") == ""


def test_without_javascript_the_filters_follow_the_results(
    browser, live_server, live_site
):
    context = browser.new_context(
        locale="de-DE",
        java_script_enabled=False,
        viewport={"width": 375, "height": 700},
    )
    page = context.new_page()
    page.goto(live_server.url + "/suche/?q=")
    results = page.locator("ol.results").bounding_box()
    filters = page.locator("form[data-filter-form]").bounding_box()
    assert results["y"] < filters["y"]
    assert page.locator("details.facet").count() >= 2
    assert not page.locator("[data-filter-open]").is_visible()


def test_map_tiles_load_only_after_consent_which_is_remembered(
    browser, live_server, live_site, settings
):
    settings.MAP_TILE_URL = live_server.url + "/kacheln/{z}/{x}/{y}.png"
    page = german_page(browser)
    tiles: list[str] = []
    page.on("request", lambda r: tiles.append(r.url) if "/kacheln/" in r.url else None)
    page.goto(live_server.url + "/suche/?q=&view=map")
    assert page.locator(".search-map__list").inner_text().count("(") >= 2
    button = page.get_by_role("button", name="Karte mit OpenStreetMap laden")
    assert button.is_visible()
    page.wait_for_load_state("networkidle")
    assert tiles == []
    button.click()
    page.wait_for_selector(".leaflet-marker-icon")
    page.wait_for_load_state("networkidle")
    assert tiles
    assert page.locator(".district-marker").count() >= 2
    page.reload()
    page.wait_for_selector(".leaflet-marker-icon")
    assert not page.get_by_role(
        "button", name="Karte mit OpenStreetMap laden"
    ).is_visible()


def _member_session(browser, live_server, user):
    """A browser page logged in as ``user`` (Django's session cookie)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="de-DE")
    name = settings.SESSION_COOKIE_NAME
    cookie = {"name": name, "value": client.cookies[name].value}
    context.add_cookies([{**cookie, "url": live_server.url}])
    return context.new_page()


def _check(page, url: str, failures: dict, name: str, submit: bool = False) -> None:
    """axe and reflow on ``url``; with ``submit`` after sending its main form
    empty (past the browser's own checks), so the errors are shown."""
    response = page.goto(url)
    assert response.status == 200, (name, response.status)
    if submit:
        if page.locator(f"input[name={antispam.TIMESTAMP_FIELD}]").count():
            # Sooner is treated as a bot: thanked, and nothing checked.
            page.wait_for_timeout(antispam.MIN_SECONDS * 1000 + 200)
        with page.expect_navigation():
            page.evaluate("() => document.querySelector('main form').submit()")
        assert page.locator("[aria-invalid=true], .error").count() > 0, name
    problems = serious_violations(page)
    if page.evaluate(OVERFLOWING):
        problems.append({"id": "reflow", "nodes": page.evaluate(OVERFLOWING)[:3]})
    if problems:
        failures[name] = problems


def test_forms_and_the_members_area_have_no_serious_axe_violations(
    browser, live_server, live_site, clean_rate_limits
):
    from matching.models import Match
    from tests.accounts.conftest import make_member
    from tests.conftest import wait_for_shared_worker

    user, initiative = make_member("anna@example.org", "Sprachbrücke Test e. V.")
    target = add_project(live_site.project_index, "Elterncafé Celle", ("03351",))
    target.contact_email = "elterncafe@example.org"
    target.save_revision().publish()
    # In a full run the shared worker recomputes the matches of a published
    # project (replacing them); the match below must come after that.
    wait_for_shared_worker()
    match = Match.objects.create(
        source=live_site.project, target=target, kind="complementary", score=0.5
    )
    failures: dict = {}
    base = live_server.url
    page = german_page(browser)
    page.set_viewport_size({"width": 320, "height": 640})
    for name, path in {
        "login": "/konto/anmelden/",
        "signup": "/konto/registrieren/",
        "contact": f"/treffer/{match.pk}/kontakt/",
        "call": live_site.call.url,
    }.items():
        _check(page, base + path, failures, name)
        _check(page, base + path, failures, f"{name} with errors", submit=True)
    member = _member_session(browser, live_server, user)
    member.set_viewport_size({"width": 320, "height": 640})
    for name, path in {
        "dashboard": "/konto/",
        "initiative": f"/konto/initiative/{initiative.pk}/",
        "images": f"/konto/initiative/{initiative.pk}/bilder/",
        "invite": f"/konto/initiative/{initiative.pk}/einladen/",
        "new project": f"/konto/initiative/{initiative.pk}/projekt-neu/",
        "delete account": "/konto/konto-loeschen/",
    }.items():
        _check(member, base + path, failures, name)
    _check(
        member,
        base + f"/konto/initiative/{initiative.pk}/projekt-neu/",
        failures,
        "new project with errors",
        submit=True,
    )
    assert failures == {}, failures


def test_the_map_view_is_reached_by_keyboard_and_back_to_the_list(
    browser, live_server, live_site
):
    page = german_page(browser)
    page.goto(live_server.url + "/suche/?q=&field=sprache")
    assert page.locator("ol.results").count() == 1
    # The main navigation has a "Karte" too; the switch's is the one wanted.
    link = (
        "() => [document.activeElement.innerText,"
        " !!document.activeElement.closest('.view-switch')]"
    )
    _tab_until(page, link, ["Karte", True], "the map link of the view switch")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "view=map" in page.url and "field=sprache" in page.url
    assert page.locator("ol.results").count() == 0
    assert page.locator(".search-map__list").is_visible()
    current = page.locator(".view-switch a[aria-current=page]")
    assert current.inner_text() == "Karte"
    _tab_until(page, link, ["Liste", True], "the list link of the view switch")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "view=map" not in page.url and page.locator("ol.results").count() == 1


def test_a_district_of_the_home_map_opens_by_keyboard_and_by_click(
    browser, live_server, live_site
):
    page = german_page(browser)
    page.goto(live_server.url + "/")
    label = "() => document.activeElement.getAttribute('aria-label')"
    _tab_until(page, label, "Landkreis Celle: 1 Projekt", "the tile of Celle")
    # The focused tile is outlined and named beside the map.
    stroke = page.evaluate(
        "() => getComputedStyle(document.activeElement.querySelector('path'))"
        ".strokeWidth"
    )
    assert stroke == "5px"
    caption = page.locator("[data-district-caption]").inner_text()
    assert caption == "Landkreis Celle: 1 Projekt"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/landkreis/03351/")
    page.goto(live_server.url + "/")
    with page.expect_navigation():
        page.click('.district-map__svg a[aria-label="Braunschweig: 1 Projekt"]')
    assert page.url.endswith("/landkreis/03101/")
