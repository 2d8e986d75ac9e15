"""Initiatives: the organisations behind projects."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kb.fields import WebsiteField
from kb.taxonomy import District, OrganisationType


class InitiativeIndexPage(Page):
    """The list of initiatives; every initiative profile sits below it."""

    intro = models.TextField(_("Einleitung"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types = ["projects.InitiativePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Initiativenübersicht")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["initiatives"] = (
            InitiativePage.objects.child_of(self)
            .live()
            .public()
            .select_related("organisation_type", "district")
            .order_by("title")
        )
        return context


class InitiativePage(Page):
    """An organisation's profile: who they are, where, and how to reach them.

    Initiatives maintain it themselves; editors check it. Its projects are its
    child pages."""

    organisation_type = models.ForeignKey(
        OrganisationType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("Organisationsart"),
    )
    description = RichTextField(
        _("Beschreibung"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Logo"),
    )
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiatives",
        verbose_name=_("Landkreis"),
    )
    website = WebsiteField(_("Website"), blank=True)
    contact_name = models.CharField(_("Ansprechperson"), max_length=120, blank=True)
    contact_email = models.EmailField(_("E-Mail"), blank=True)
    contact_phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    contact_public = models.BooleanField(
        _("Kontakt öffentlich zeigen"),
        default=False,
        help_text=_("Nur mit Einwilligung der Ansprechperson."),
    )
    is_partner = models.BooleanField(_("Bündnispartner"), default=False)
    is_supporter = models.BooleanField(_("Unterstützt den Aufruf"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("organisation_type"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("district")], heading=_("Ort")
        ),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_public"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [FieldPanel("is_partner"), FieldPanel("is_supporter")], heading=_("Bündnis")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("place"),
    ]
    parent_page_types = ["projects.InitiativeIndexPage"]
    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("Initiative")
        verbose_name_plural = _("Initiativen")

    @property
    def public_contact(self) -> dict[str, str] | None:
        if not self.contact_public:
            return None
        return {
            "name": self.contact_name,
            "email": self.contact_email,
            "phone": self.contact_phone,
        }
