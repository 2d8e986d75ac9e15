"""The alliance's own instruments: partners and the public call."""

from __future__ import annotations

from base64 import urlsafe_b64decode, urlsafe_b64encode

from django.core import signing
from django.db import models
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from kb.fields import WebsiteField

from ..taxonomy import OrganisationType

SIGNATURE_SALT = "kb.call-signature"
SIGNATURE_MAX_AGE = 7 * 24 * 3600


@register_snippet
class Partner(index.Indexed, models.Model):
    """An alliance partner (DGB, churches, employers, state government, welfare
    organisations …) shown in the partner directory, grouped by type."""

    name = models.CharField(_("Name"), max_length=200)
    organisation_type = models.ForeignKey(
        OrganisationType,
        on_delete=models.PROTECT,
        related_name="partners",
        verbose_name=_("Organisationsart"),
    )
    description = models.TextField(_("Beschreibung"), blank=True, max_length=600)
    website = WebsiteField(_("Website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Logo"),
    )
    is_founding_partner = models.BooleanField(
        _("Initiator des Bündnisses"), default=False
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation_type"),
        FieldPanel("description"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("is_founding_partner"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Bündnispartner")
        verbose_name_plural = pgettext_lazy("plural", "Bündnispartner")

    def __str__(self) -> str:
        return self.name


class PartnerDirectoryPage(Page):
    """The directory of the alliance's partners, grouped by organisation type."""

    intro = RichTextField(
        _("Einleitung"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["website.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("Partnerverzeichnis")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups: dict[str, list[Partner]] = {}
        partners = Partner.objects.select_related("organisation_type").order_by(
            "organisation_type__sort_order", "name"
        )
        for partner in partners:
            groups.setdefault(partner.organisation_type.name, []).append(partner)
        context["partner_groups"] = groups
        return context


class Signature(models.Model):
    """A signature under the public call, confirmed by e-mail (double opt-in)."""

    class Kind(models.TextChoices):
        PERSON = "person", _("als Privatperson")
        INSTITUTION = "institution", _("für eine Organisation oder Institution")

    call = models.ForeignKey(
        "kb.CallPage", on_delete=models.CASCADE, related_name="signatures"
    )
    kind = models.CharField(_("Ich unterzeichne"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("Name"), max_length=120)
    organisation = models.CharField(_("Organisation"), max_length=200, blank=True)
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    email = models.EmailField(_("E-Mail"))
    list_publicly = models.BooleanField(_("Öffentlich nennen"), default=False)
    consent_text = models.TextField(_("Text der Einwilligung"))
    consented_at = models.DateTimeField(_("Einwilligung am"))
    confirmed_at = models.DateTimeField(_("Bestätigt am"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The confirmation mail: written in the signer's site language; sent once,
    # by the task queued at commit or by the sweeper (kb.tasks).
    language = models.CharField(max_length=10, default="de", editable=False)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Unterschrift")
        verbose_name_plural = _("Unterschriften")
        constraints = [
            models.UniqueConstraint(
                fields=["call", "email"], name="one_signature_per_email"
            )
        ]

    def __str__(self) -> str:
        return self.organisation or self.name

    def make_token(self) -> str:
        """Bound to the submission it confirms: a new submission for the same
        address gets a new consent time, and older links stop working."""
        # Wagtail routes page paths of [\w-] only, and signed values contain
        # ":", so the signed value travels base64url-encoded.
        payload = [self.pk, self.consented_at.isoformat()]
        signed = signing.dumps(payload, salt=SIGNATURE_SALT)
        return urlsafe_b64encode(signed.encode()).decode().rstrip("=")

    @classmethod
    def from_token(cls, token: str) -> Signature | None:
        try:
            signed = urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
            payload = signing.loads(
                signed, salt=SIGNATURE_SALT, max_age=SIGNATURE_MAX_AGE
            )
        except (signing.BadSignature, ValueError):
            return None
        if not isinstance(payload, list) or len(payload) != 2:
            return None
        signature = cls.objects.filter(pk=payload[0]).first()
        if signature is None or signature.consented_at.isoformat() != payload[1]:
            return None
        return signature

    def confirm_url(self) -> str:
        call = self.call
        return call.full_url + call.reverse_subpage("confirm", args=[self.make_token()])


class CallPage(RoutablePageMixin, Page):
    """The public call "Niedersachsen packt an": its text, the signature form,
    counters of persons and institutions, and those who agreed to be listed."""

    body = RichTextField(
        _("Text des Aufrufs"), features=["h2", "h3", "bold", "italic", "link"]
    )
    consent_text = models.TextField(
        _("Einwilligungstext"),
        default=(
            "Ich bin einverstanden, dass meine Angaben zur Unterstützung des Aufrufs "
            "gespeichert werden. Mein Name wird nur veröffentlicht, wenn ich das "
            "unten ankreuze. Ich kann die Einwilligung jederzeit widerrufen."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("body"),
        FieldPanel("consent_text"),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("Aufruf")

    def confirmed(self):
        return self.signatures.exclude(confirmed_at=None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        confirmed = self.confirmed()
        context["count_persons"] = confirmed.filter(kind=Signature.Kind.PERSON).count()
        context["count_institutions"] = confirmed.filter(
            kind=Signature.Kind.INSTITUTION
        ).count()
        context["public_signatures"] = confirmed.filter(list_publicly=True).order_by(
            "kind", "organisation", "name"
        )[:500]
        return context

    @path("")
    def sign(self, request):
        from ..antispam import is_rate_limited, rate_limited_response
        from ..forms import SignatureForm
        from ..signatures import register_signature

        if request.method == "POST":
            form = SignatureForm(request.POST, consent_text=self.consent_text)
            if is_rate_limited(request, "call", request.POST.get("email")):
                return rate_limited_response(request)
            if form.is_spam():
                return redirect(self.url + "?danke=1")
            if form.is_valid():
                register_signature(self, form, request)
                return redirect(self.url + "?danke=1")
            status = 400
        else:
            form = SignatureForm(consent_text=self.consent_text)
            status = 200
        context = self.get_context(request)
        context.update(form=form, thanks=request.GET.get("danke") == "1")
        return TemplateResponse(request, "kb/call_page.html", context, status=status)

    @path("bestaetigen/<str:token>/", name="confirm")
    def confirm(self, request, token: str):
        """GET shows a button, only POST confirms: mail scanners open every
        link in a message and would otherwise confirm for the recipient."""
        from ..signatures import confirm_signature

        if request.method not in {"GET", "POST"}:
            return HttpResponseNotAllowed(["GET", "POST"])
        outcome = confirm_signature(self, token, commit=request.method == "POST")
        context = self.get_context(request)
        context["outcome"] = outcome
        status = 200 if outcome in {"ask", "confirmed", "already"} else 400
        return TemplateResponse(request, "kb/call_confirm.html", context, status=status)
