"""Project pages: the practice examples, each answering the same questions."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kb.blocks import BodyBlock
from kb.fields import WebsiteField
from kb.taxonomy import District, FieldOfAction, OfferNeedCategory, TargetGroup

from ..forms import ProjectPageForm

PRACTICE_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class CategorySource(models.TextChoices):
    PERSON = "person", _("Person")
    INFERRED = "inferred", _("aus dem Text erkannt")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    ACTIVE = "active", _("laufend")
    COMPLETED = "completed", _("abgeschlossen")


class CostRange(models.TextChoices):
    NONE = "", _("keine Angabe")
    LOW = "low", _("unter 5.000 € im Jahr")
    MEDIUM = "medium", _("5.000 bis 50.000 € im Jahr")
    HIGH = "high", _("über 50.000 € im Jahr")


class ProjectIndexPage(Page):
    """The list of all projects, newest first; projects may also sit here."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("Projektübersicht")

    def get_context(self, request, *args, **kwargs):
        from .. import page_lists
        from ..cards import cards_of, restricted_paths

        context = super().get_context(request, *args, **kwargs)
        newest = page_lists.newest_projects(restricted_paths(request), 50)
        context["cards"] = cards_of(newest, request)
        return context


class ProjectPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "projects.ProjectPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ProjectPage(Page):
    """A practice example with a comparable structure: starting point, goals,
    approach, results, obstacles and what it takes to copy it.

    Initiatives fill it in, editors review it, award the "Gutes Beispiel" seal
    and feature it; publishing puts it into search and matching."""

    # The teaser and the five text sections are read by the generated column
    # ``search_vector`` (search migration 0006): changing one's type means
    # dropping and re-adding that column.
    teaser = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        help_text=_("Höchstens 300 Zeichen; erscheint in Suchergebnissen."),
    )
    description = StreamField(BodyBlock(), verbose_name=_("Beschreibung"), blank=True)
    fields_of_action = ParentalManyToManyField(
        FieldOfAction, related_name="projects", verbose_name=_("Handlungsfelder")
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="projects", verbose_name=_("Zielgruppen")
    )
    districts = ParentalManyToManyField(
        District, blank=True, related_name="projects", verbose_name=_("Landkreise")
    )
    statewide = models.BooleanField(_("landesweit"), default=False)
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    lat = models.FloatField(
        _("Breitengrad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Leer lassen: Kreissitz des ersten Landkreises."),
    )
    lon = models.FloatField(
        _("Längengrad"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    status = models.CharField(
        _("Stand"),
        max_length=12,
        choices=ProjectStatus.choices,
        default=ProjectStatus.ACTIVE,
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)

    starting_point = RichTextField(
        _("Ausgangslage"), blank=True, features=PRACTICE_FEATURES
    )
    goals = RichTextField(_("Ziele"), blank=True, features=PRACTICE_FEATURES)
    approach = RichTextField(_("Vorgehen"), blank=True, features=PRACTICE_FEATURES)
    results = RichTextField(
        _("Ergebnisse und Wirkung"), blank=True, features=PRACTICE_FEATURES
    )
    people_reached = models.PositiveIntegerField(
        _("Erreichte Menschen"), null=True, blank=True
    )
    volunteers = models.PositiveIntegerField(_("Ehrenamtliche"), null=True, blank=True)
    obstacles = RichTextField(
        _("Hemmnisse und Lösungswege"), blank=True, features=PRACTICE_FEATURES
    )
    transferability = RichTextField(
        _("Übertragbarkeit"), blank=True, features=PRACTICE_FEATURES
    )
    cost_range = models.CharField(
        _("Kostenrahmen"), max_length=10, choices=CostRange.choices, blank=True
    )
    staff = models.CharField(_("Personal"), max_length=200, blank=True)
    required_partners = models.CharField(
        _("Nötige Partner"), max_length=200, blank=True
    )
    lead_time = models.CharField(_("Vorlaufzeit"), max_length=100, blank=True)
    partners = models.TextField(
        _("Partner"), blank=True, help_text=_("Ein Partner pro Zeile.")
    )

    tags = ClusterTaggableManager(
        through=ProjectPageTag, blank=True, verbose_name=_("Schlagwörter")
    )
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    # Without the contact person's consent the page shows no name, address or
    # number, only the contact form (docs/privacy.md).
    contact_public = models.BooleanField(
        _("Kontakt öffentlich zeigen"),
        default=False,
        help_text=_("Nur mit Einwilligung der Ansprechperson."),
    )
    website = WebsiteField(_("Website"), blank=True, max_length=500)

    external_id = models.CharField(
        _("Externe Kennung"), max_length=100, blank=True, db_index=True, editable=False
    )
    source_url = WebsiteField(_("Quelle"), blank=True, max_length=500)
    last_confirmed = models.DateField(_("Zuletzt bestätigt"), null=True, blank=True)
    featured = models.BooleanField(_("Hervorgehoben"), default=False)
    good_example = models.BooleanField(_("Siegel „Gutes Beispiel“"), default=False)
    good_example_reason = models.TextField(_("Begründung der Redaktion"), blank=True)

    base_form_class = ProjectPageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("fields_of_action"),
                FieldPanel("target_groups"),
                FieldPanel("tags"),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("districts"),
                FieldPanel("statewide"),
                FieldPanel("place"),
                FieldRowPanel([FieldPanel("lat"), FieldPanel("lon")]),
            ],
            heading=_("Wo?"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Stand und Laufzeit"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("starting_point"),
                FieldPanel("goals"),
                FieldPanel("approach"),
                FieldPanel("results"),
                FieldRowPanel([FieldPanel("people_reached"), FieldPanel("volunteers")]),
                FieldPanel("obstacles"),
            ],
            heading=_("Praxisbeschreibung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("transferability"),
                FieldPanel("cost_range"),
                FieldPanel("staff"),
                FieldPanel("required_partners"),
                FieldPanel("lead_time"),
            ],
            heading=_("Übertragbarkeit"),
        ),
        FieldPanel("partners"),
        InlinePanel("offers", label=_("Angebot"), heading=_("Wir bieten")),
        InlinePanel("needs", label=_("Bedarf"), heading=_("Wir suchen")),
        InlinePanel("gallery_images", label=_("Bild"), heading=_("Bildergalerie")),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_public"),
                FieldPanel("website"),
            ],
            heading=_("Kontakt"),
        ),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("featured"),
                FieldPanel("good_example"),
                FieldPanel("good_example_reason"),
                FieldPanel("last_confirmed"),
                FieldPanel("source_url"),
            ],
            heading=_("Redaktion"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("teaser"),
        index.SearchField("place"),
    ]
    parent_page_types = ["projects.InitiativePage", "projects.ProjectIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")

    @property
    def initiative(self):
        from .initiative import InitiativePage

        parent = self.get_parent()
        return (
            parent.specific
            if parent and parent.specific_class is InitiativePage
            else None
        )

    @property
    def location(self) -> tuple[float, float] | None:
        """The project's point, or the seat of its first district."""
        if self.lat is not None and self.lon is not None:
            return (self.lat, self.lon)
        first = next(iter(self.districts.all()), None)
        return (first.lat, first.lon) if first else None


class OfferNeedBase(Orderable):
    category = models.ForeignKey(
        OfferNeedCategory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Kategorie"),
    )
    text = models.CharField(_("Beschreibung"), max_length=300)
    # Who set the category: a person (never overwritten) or the text
    # classifier (``search.offer_categories``), which editors confirm.
    category_source = models.CharField(
        _("Kategorie gesetzt von"),
        max_length=10,
        choices=CategorySource.choices,
        blank=True,
    )
    category_confidence = models.FloatField(
        _("Sicherheit der Einordnung"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
    )

    panels = [
        FieldPanel("category"),
        FieldPanel("text"),
        FieldRowPanel(
            [
                FieldPanel("category_source", read_only=True),
                FieldPanel("category_confidence", read_only=True),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.text


class ProjectOffer(OfferNeedBase):
    """Something the project can give to others (people, rooms, know-how …)."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="offers")


class ProjectNeed(OfferNeedBase):
    """Something the project is looking for."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="needs")


class ProjectGalleryImage(Orderable):
    page = ParentalKey(
        ProjectPage, on_delete=models.CASCADE, related_name="gallery_images"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Bild"),
    )
    alt_text = models.CharField(_("Alternativtext"), max_length=250)
    caption = models.CharField(_("Bildunterschrift"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]
