"""Conferences, workshops and other events of the alliance."""

from __future__ import annotations

from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..ical import build_calendar
from ..taxonomy import Region

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class EventKind(models.TextChoices):
    STATE_CONFERENCE = "state_conference", _("Landesweite Integrationskonferenz")
    REGIONAL_CONFERENCE = "regional_conference", _("Regionalkonferenz")
    WORKSHOP = "workshop", _("Werkstatt")
    OTHER = "other", _("Veranstaltung")


def _ical_response(events, request, filename: str) -> HttpResponse:
    response = HttpResponse(
        build_calendar(events, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class EventIndexPage(RoutablePageMixin, Page):
    """Upcoming and past events; ``kalender.ics`` is the feed for calendars."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["kb.EventPage"]

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")

    def events(self):
        return EventPage.objects.child_of(self).live().public().select_related("region")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming"] = self.events().filter(start__gte=now).order_by("start")
        context["past"] = self.events().filter(start__lt=now).order_by("-start")
        return context

    @path("kalender.ics", name="feed")
    def ical_feed(self, request):
        return _ical_response(
            self.events().order_by("start"), request, "veranstaltungen.ics"
        )


class EventPage(RoutablePageMixin, Page):
    """A state-wide integration conference, a regional conference or a workshop:
    when and where, programme, results and the projects presented there."""

    kind = models.CharField(_("Art"), max_length=24, choices=EventKind.choices)
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    venue = models.CharField(_("Ort"), max_length=200)
    region = models.ForeignKey(
        Region,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("Region"),
        help_text=_("Leer lassen bei landesweiten Veranstaltungen."),
    )
    teaser = models.CharField(_("Kurzbeschreibung"), max_length=300)
    programme = RichTextField(_("Programm"), blank=True, features=TEXT_FEATURES)
    results = RichTextField(_("Ergebnisse"), blank=True, features=TEXT_FEATURES)
    linked_projects = ParentalManyToManyField(
        "projects.ProjectPage",
        blank=True,
        related_name="events",
        verbose_name=_("Vorgestellte Projekte"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue"),
            ],
            heading=_("Wann und wo"),
        ),
        FieldPanel("region"),
        FieldPanel("teaser"),
        FieldPanel("programme"),
        FieldPanel("results"),
        FieldPanel("linked_projects"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("programme"),
    ]
    parent_page_types = ["kb.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError(
                {"end": _("Das Ende darf nicht vor dem Beginn liegen.")}
            )

    @property
    def is_past(self) -> bool:
        return self.start < timezone.now()

    @path("ical/", name="ical")
    def ical(self, request):
        return _ical_response([self], request, f"{self.slug}.ics")
