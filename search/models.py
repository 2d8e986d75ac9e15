"""The search outbox: a durable note that an object must be (re)indexed."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxEntry(models.Model):
    """Written in the same transaction as the change it records, so no update
    is lost when Redis or Elasticsearch is down; the drain task reads the
    object's current state and removes the entry once the index agrees."""

    app_label = models.CharField(max_length=50)
    model_name = models.CharField(max_length=50)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    dead_at = models.DateTimeField(null=True, blank=True)
    """Set after ``OUTBOX_MAX_ATTEMPTS`` failures: the drain skips the entry
    until an editor retries it (admin → Berichte → Suchindex-Fehler)."""

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["app_label", "model_name", "object_id"])]
        verbose_name = _("Suchindex-Auftrag")
        verbose_name_plural = _("Suchindex-Aufträge")

    def __str__(self) -> str:
        return f"{self.app_label}.{self.model_name} #{self.object_id}"


class SynonymGroup(models.Model):
    """Words that mean the same for people searching (e.g. Geflüchtete,
    Flüchtlinge, Schutzsuchende). Editors maintain these groups; a search for
    one word also finds the others, slightly lower ranked. Changes apply to
    the next search at once, without rebuilding the index."""

    terms = models.TextField(
        _("Begriffe"),
        help_text=_(
            "Gleichbedeutende Begriffe, durch Komma getrennt, "
            "z. B. „Deutschkurs, Sprachkurs“."
        ),
    )
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["terms"]
        verbose_name = _("Synonymgruppe")
        verbose_name_plural = _("Synonymgruppen")

    def __str__(self) -> str:
        return ", ".join(self.term_list())

    def term_list(self) -> list[str]:
        seen: dict[str, str] = {}
        for raw in self.terms.replace("\n", ",").split(","):
            term = " ".join(raw.split())
            if term and term.casefold() not in seen:
                seen[term.casefold()] = term
        return list(seen.values())

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if len(self.term_list()) < 2:
            raise ValidationError(
                {"terms": "Bitte mindestens zwei verschiedene Begriffe angeben."}
            )


class GlossaryEntry(models.Model):
    """An English word or phrase and the German search terms it stands for
    ("job fair" → "Jobmesse, Berufsmesse"). Editors maintain these beside the
    synonyms; together with the FreeDict dictionary they let English queries
    find German project texts."""

    english = models.CharField(
        _("Englisch"),
        max_length=100,
        unique=True,
        help_text=_("Englisches Wort oder Wortgruppe, z. B. „job fair“."),
    )
    german = models.TextField(
        _("Deutsch"),
        help_text=_(
            "Deutsche Suchbegriffe, durch Komma getrennt, "
            "z. B. „Jobmesse, Berufsmesse“."
        ),
    )
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["english"]
        verbose_name = _("Glossareintrag (Englisch)")
        verbose_name_plural = _("Glossar (Englisch)")

    def __str__(self) -> str:
        return f"{self.english} → {self.german}"

    def german_terms(self) -> list[str]:
        terms = [" ".join(raw.split()) for raw in self.german.split(",")]
        return [term for term in terms if term]


class SearchLog(models.Model):
    """One search as the editors' report sees it: no IP address, no session,
    no user. Kept for ``SEARCH_LOG_DAYS`` (90) days."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    text = models.CharField(_("Suchtext"), max_length=200)
    filters = models.JSONField(_("Filter"), default=dict, blank=True)
    result_count = models.PositiveIntegerField(_("Treffer"))
    backend = models.CharField(max_length=20, blank=True)
    clicked_page_id = models.PositiveIntegerField(null=True, blank=True)
    clicked_rank = models.PositiveSmallIntegerField(null=True, blank=True)
    clicked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["text", "created_at"])]
        verbose_name = _("Suchanfrage")
        verbose_name_plural = _("Suchanfragen")

    def __str__(self) -> str:
        return self.text or "—"


class IndexVersion(models.Model):
    """The one counter behind every external version the index gets. Revision
    ids are not versions: a change made without review (``apply_without_review``)
    goes live as a newer revision while an older draft waits, and approving
    that draft later must still win. A version is taken before the state is
    read, under the counter's row lock, so a higher version never carries an
    older state."""

    value = models.BigIntegerField()

    class Meta:
        verbose_name = _("Suchindex-Version")
        verbose_name_plural = _("Suchindex-Versionen")

    def __str__(self) -> str:
        return str(self.value)
