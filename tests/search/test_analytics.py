"""Search analytics: the log of searches (also from the page cache), the first
click, retention and the editors' report, on the real PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.forms.models import model_to_dict
from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Page

from kb import page_cache
from search.analytics import COUNT_HEADER, click_token
from search.backends import run_search
from search.models import SearchLog
from search.query import parse_query
from search.tasks import purge_search_log

pytestmark = [pytest.mark.django_db, pytest.mark.services]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"
VISITOR_IP = "203.0.113.9"
CLICK_LINK = re.compile(r'href="(/suche/weiter/\?[^"]*)"')
LOGGED_FIELDS = {
    "id",
    "created_at",
    "text",
    "filters",
    "result_count",
    "backend",
    "clicked_page_id",
    "clicked_rank",
    "clicked_at",
}


def _search(client, params: dict, agent: str = BROWSER):
    response = client.get(
        "/suche/", params, HTTP_USER_AGENT=agent, REMOTE_ADDR=VISITOR_IP
    )
    assert response.status_code == 200
    return response


def _click_links(response) -> list[str]:
    return [unescape(href) for href in CLICK_LINK.findall(response.content.decode())]


def _params(link: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(link).query).items()}


# --- Logging ------------------------------------------------------------------


def test_a_search_logs_one_row_without_personal_data(corpus, client):
    params = {"q": "  Sprachpatenschaft\u202e ", "region": "lueneburg"}
    expected = run_search(parse_query(QueryDict(urlencode(params))))

    response = _search(client, params)

    (row,) = SearchLog.objects.all()
    assert row.text == "Sprachpatenschaft"
    assert row.filters == {"region": ["lueneburg"]}
    assert row.result_count == expected.count > 0
    assert row.backend == "elasticsearch"
    assert row.clicked_at is None
    # Nothing about the visitor: no such field, no such value anywhere.
    assert {field.attname for field in SearchLog._meta.fields} == LOGGED_FIELDS
    stored = repr(model_to_dict(row))
    assert VISITOR_IP not in stored and "Firefox" not in stored
    assert COUNT_HEADER not in response


def test_a_page_served_from_the_cache_is_logged_too(corpus, client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    page_cache.clear_page_cache()

    first = _search(client, {"q": "Hausaufgabenhilfe"})
    second = _search(client, {"q": "Hausaufgabenhilfe"})

    assert first[page_cache.HEADER] == "miss" and second[page_cache.HEADER] == "hit"
    rows = list(SearchLog.objects.order_by("pk"))
    assert [row.text for row in rows] == ["Hausaufgabenhilfe"] * 2
    assert rows[0].result_count == rows[1].result_count > 0
    assert COUNT_HEADER not in second
    # Each delivery carries its own visitor's row in the result links, also
    # when the page itself came from the cache.
    tokens = [_params(_click_links(r)[0])["t"] for r in (first, second)]
    assert tokens == [click_token(rows[0].pk), click_token(rows[1].pk)]


def test_paging_and_an_empty_search_page_are_not_logged(corpus, client):
    _search(client, {"q": "Deutsch", "page": "2"})
    _search(client, {})

    assert not SearchLog.objects.exists()


def test_bots_are_not_logged_and_get_links_without_a_token(corpus, client):
    response = _search(client, {"q": "Deutsch"}, agent="Mozilla/5.0 (Googlebot/2.1)")

    assert not SearchLog.objects.exists()
    links = _click_links(response)
    assert links and all(_params(link).get("t") is None for link in links)
    assert "__npa_search_log__" not in response.content.decode()


def test_the_api_logs_its_searches(corpus, backend, client):
    data = client.get(
        "/api/v1/search", {"q": "Integrationslotse", "field": "sprache"}
    ).json()
    client.get("/api/v1/search", {"q": "Integrationslotse", "page": "2"})

    (row,) = SearchLog.objects.all()
    assert (row.text, row.filters) == ("Integrationslotse", {"field": ["sprache"]})
    assert (row.result_count, row.backend) == (data["count"], backend)


def test_a_failing_log_does_not_break_the_search_page(corpus, client, caplog):
    # A real database error: the table is gone for this test's transaction.
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE search_searchlog RENAME TO search_searchlog_away")

    response = _search(client, {"q": "Sprachpatenschaft"})

    assert "Sprachpatenschaften im Heidekreis" in response.content.decode()
    assert "Search log row not written." in caplog.text
    links = _click_links(response)
    assert links and all(_params(link).get("t") is None for link in links)
    # The click view still sends the visitor on.
    link = links[0].replace("t=", f"t={click_token(1)}", 1)
    assert client.get(link).status_code == 302


# --- First click ----------------------------------------------------------------


def test_the_first_click_is_recorded_once_and_leads_to_the_project(corpus, client):
    links = _click_links(_search(client, {"q": "Deutsch"}))
    first, second = _params(links[0]), _params(links[1])

    response = client.get(links[0])
    client.get(links[1])

    project = Page.objects.get(pk=int(first["p"]))
    assert response.status_code == 302
    assert response["Location"] == project.url
    row = SearchLog.objects.get()
    assert (row.clicked_page_id, row.clicked_rank) == (int(first["p"]), 1)
    assert row.clicked_at is not None
    assert second["r"] == "2" and second["p"] != first["p"]


def test_forged_tokens_and_foreign_targets_never_redirect_elsewhere(corpus, client):
    links = _click_links(_search(client, {"q": "Deutsch"}))
    params = _params(links[0])
    project = Page.objects.get(pk=int(params["p"]))
    row = SearchLog.objects.get()
    forged = f"{row.pk}:1tXyZa:forgedsignature"

    response = client.get(
        "/suche/weiter/",
        {"t": forged, "p": params["p"], "r": "1", "next": "https://evil.example/"},
    )

    assert response.status_code == 302 and response["Location"] == project.url
    row.refresh_from_db()
    assert row.clicked_at is None
    for target in ("https://evil.example/", "//evil.example", "0", "99999999"):
        response = client.get("/suche/weiter/", {"t": params["t"], "p": target})
        assert response.status_code == 404
    row.refresh_from_db()
    assert row.clicked_at is None


def test_a_draft_page_is_not_a_click_target(corpus, client):
    links = _click_links(_search(client, {"q": "Deutsch"}))
    params = _params(links[0])
    Page.objects.filter(pk=int(params["p"])).update(live=False)

    assert client.get(links[0]).status_code == 404
    assert SearchLog.objects.get().clicked_at is None


# --- Retention --------------------------------------------------------------------


def test_purge_deletes_rows_older_than_the_retention_only():
    days = settings.SEARCH_LOG_DAYS
    now = timezone.now()
    ages = {"alt": days + 1, "knapp": days - 1, "neu": 0}
    for text, age in ages.items():
        row = SearchLog.objects.create(text=text, result_count=1)
        SearchLog.objects.filter(pk=row.pk).update(created_at=now - timedelta(age))

    purge_search_log()

    assert sorted(SearchLog.objects.values_list("text", flat=True)) == [
        "knapp",
        "neu",
    ]
    schedule = settings.CELERY_BEAT_SCHEDULE.values()
    assert "search.tasks.purge_search_log" in {entry["task"] for entry in schedule}


# --- Report -----------------------------------------------------------------------


def _log(text: str, results: int, clicked: bool = False, days_ago: int = 1) -> None:
    row = SearchLog.objects.create(
        text=text,
        result_count=results,
        backend="elasticsearch",
        clicked_page_id=1 if clicked else None,
        clicked_at=timezone.now() if clicked else None,
    )
    SearchLog.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(days=days_ago)
    )


@pytest.fixture
def logged_searches():
    for clicked in (True, False, False):
        _log("Deutschkurs", 8, clicked)
    _log("deutschkurs", 4)
    _log("Xylophonbau", 0)
    _log("xylophonbau", 0)
    _log("Nähcafé", 3)
    _log("Nähcafé", 5)
    _log("Einmalig", 2)
    _log("", 7)  # filters only
    _log("Uraltsuche", 0, days_ago=45)


@pytest.fixture
def editor(client, editor_user):
    """The shared editor (tests/conftest.py) who may also create synonyms,
    glossary entries and promotions, which the group Redaktion may not."""
    editor_user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=[
                "add_synonymgroup",
                "add_glossaryentry",
                "add_searchpromotion",
            ]
        )
    )
    client.force_login(editor_user)
    return editor_user


def _section(html: str, anchor: str) -> str:
    start = html.index(f'<h2 id="{anchor}">')
    end = html.find("<h2", start + 1)
    return html[start : end if end > 0 else None]


def _rows(section: str) -> dict[str, list[str]]:
    rows = {}
    for row in re.findall(r'<tr class="search-query">(.*?)</tr>', section, re.S):
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        rows[cells[0]] = cells[1:-1]
    return rows


def test_report_lists_top_zero_and_no_click_queries(client, editor, logged_searches):
    response = client.get("/admin/suchauswertung/")

    assert response.status_code == 200
    html = response.content.decode()
    top = _rows(_section(html, "top"))
    # Case folded: four searches for Deutschkurs, one of them clicked.
    assert top["Deutschkurs"] == ["4", "7,0", "25 %"]
    assert top["Nähcafé"] == ["2", "4,0", "0 %"]
    assert list(top)[0] == "Deutschkurs" and "Uraltsuche" not in top
    assert "" not in top
    zero = _rows(_section(html, "zero"))
    assert list(zero) == ["Xylophonbau"] and zero["Xylophonbau"][0] == "2"
    # Nähcafé: searched twice, found, never opened; Einmalig only once,
    # Xylophonbau found nothing to open, Deutschkurs was clicked.
    assert list(_rows(_section(html, "no-click"))) == ["Nähcafé"]
    assert "<th>Suchen</th><td>10</td>" in html
    assert "<th>davon nur mit Filtern</th><td>1</td>" in html

    longer = client.get("/admin/suchauswertung/", {"tage": "90"}).content.decode()
    assert "Uraltsuche" in _rows(_section(longer, "zero"))
    # The reports menu of the admin links to it.
    assert "/admin/suchauswertung/" in client.get("/admin/").content.decode()


def test_report_actions_open_the_create_forms_prefilled(
    client, editor, logged_searches
):
    html = client.get("/admin/suchauswertung/").content.decode()
    section = _section(html, "no-click")
    links = {
        label: unescape(href)
        for href, label in re.findall(r'<a href="([^"]+)">([^<]+)<span', section)
    }
    assert set(links) == {
        "Synonym anlegen",
        "Glossareintrag anlegen",
        "Promotion anlegen",
    }
    assert all("text=N%C3%A4hcaf%C3%A9" in link for link in links.values())

    synonym = client.get(links["Synonym anlegen"]).content.decode()
    assert re.search(r'<textarea name="terms"[^>]*>\s*Nähcafé</textarea>', synonym)
    assert 'action="/admin/snippets/search/synonymgroup/add/"' in synonym
    glossary = client.get(links["Glossareintrag anlegen"]).content.decode()
    assert re.search(r'name="english" value="Nähcafé"', glossary)
    promotion = client.get(links["Promotion anlegen"]).content.decode()
    assert re.search(r'name="query_string" value="Nähcafé"', promotion)
    assert 'action="/admin/searchpicks/add/"' in promotion


def test_report_hides_actions_the_editor_may_not_take(
    client, editor_user, logged_searches
):
    client.force_login(editor_user)

    html = client.get("/admin/suchauswertung/").content.decode()

    assert "Nähcafé" in html
    assert "Synonym anlegen" not in html and "Promotion anlegen" not in html


def test_report_is_refused_to_anonymous_visitors_and_other_users(
    client, logged_searches
):
    response = client.get("/admin/suchauswertung/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    member = User.objects.create_user("initiative", "ini@example.org", "x")
    member.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(member)
    response = client.get("/admin/suchauswertung/")
    assert response.status_code in {302, 403}
    assert "Deutschkurs" not in response.content.decode()
