"""Server time of the public pages at 10k projects (``make bench``).

Projects are bulk-created (page rows with computed tree paths, project rows and
their district and field links) because publishing 10k pages through Wagtail
takes minutes. BENCH_PAGES_PROJECTS overrides the count. Figures only; no timed
assertion.
"""

from __future__ import annotations

import os
import random
import statistics
import time
import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from kb.taxonomy import District, FieldOfAction
from projects.models import ProjectPage
from tests.site.content import build_site

pytestmark = pytest.mark.django_db
COUNT = int(os.environ.get("BENCH_PAGES_PROJECTS", "10000"))
ROUNDS = 200


def _bulk_projects(parent: Page, count: int, seed: int = 6) -> list[int]:
    rng = random.Random(seed)
    districts = list(District.objects.values_list("pk", flat=True))
    fields = list(FieldOfAction.objects.values_list("pk", flat=True))
    project_type = ContentType.objects.get_for_model(ProjectPage)
    now = timezone.now()
    parent = Page.objects.get(pk=parent.pk)
    position = parent.numchild
    ids: list[int] = []
    with transaction.atomic():
        for start in range(0, count, 2000):
            pages = []
            for number in range(start, min(start + 2000, count)):
                position += 1
                slug = f"bench-{number}"
                pages.append(
                    Page(
                        path=Page._get_path(parent.path, parent.depth + 1, position),
                        depth=parent.depth + 1,
                        numchild=0,
                        title=f"Sprachpatenschaft {number}",
                        draft_title=f"Sprachpatenschaft {number}",
                        slug=slug,
                        url_path=f"{parent.url_path}{slug}/",
                        content_type=project_type,
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        first_published_at=now - timezone.timedelta(hours=number),
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            for page in pages:
                project = ProjectPage(
                    page_ptr_id=page.pk,
                    teaser="Ehrenamtliche üben Deutsch im Alltag.",
                    goals="<p>Alltagsdeutsch.</p>",
                )
                project.save_base(raw=True)
            links_d = ProjectPage.districts.through
            links_f = ProjectPage.fields_of_action.through
            links_d.objects.bulk_create(
                links_d(projectpage_id=page.pk, district_id=d)
                for page in pages
                for d in rng.sample(districts, 2)
            )
            links_f.objects.bulk_create(
                links_f(projectpage_id=page.pk, fieldofaction_id=f)
                for page in pages
                for f in rng.sample(fields, 2)
            )
            ids += [page.pk for page in pages]
        Page.objects.filter(pk=parent.pk).update(numchild=position)
    return ids


def _measure(client: Client, urls: list[str]) -> tuple[float, float]:
    times = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def test_page_server_times_at_ten_thousand_projects(settings):
    settings.ELASTICSEARCH_URL = None
    content = build_site()
    ids = _bulk_projects(content.project_index, COUNT)
    client = Client()
    rng = random.Random(1)
    projects = {
        page.pk: page.url_path
        for page in Page.objects.filter(pk__in=rng.sample(ids, ROUNDS))
    }
    home_root = content.home.url_path
    project_urls = ["/" + path[len(home_root) :] for path in projects.values()]
    district_urls = [
        f"/landkreis/{ags}/"
        for ags in rng.choices(
            list(District.objects.values_list("ags", flat=True)), k=ROUNDS
        )
    ]
    pages = {
        "home": ["/"] * ROUNDS,
        "project": project_urls,
        "district": district_urls,
        "region": [f"/region/{slug}/" for slug in ["lueneburg", "weser-ems"] * 50],
        "search (database)": [
            f"/suche/?q=Sprachpatenschaft&field={slug}"
            for slug in ["sprache", "arbeit", "wohnen", "engagement"] * 25
        ],
    }
    for urls in pages.values():
        client.get(urls[0])  # warm caches and connections
    print(f"\nPage server times at {COUNT} projects (Django test client, ms):")
    for name, urls in pages.items():
        p50, p95 = _measure(client, urls)
        print(f"  {name:<20} p50 {p50:6.1f}  p95 {p95:6.1f}  (n={len(urls)})")
