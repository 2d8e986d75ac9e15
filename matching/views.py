"""Public views of matching: the JSON API and the contact relay."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods

from kb.antispam import client_ip
from kb.handoff import queue_on_commit

from . import contact as relay
from .forms import ContactForm, OutcomeForm, ReplyForm
from .models import ContactRequest, Match
from .profiles import public_ids, public_projects
from .queries import visible_matches
from .scoring.weights import KINDS
from .tasks import (
    relay_contact_reply,
    relay_contact_request,
    send_contact_confirmation,
)


@require_GET
def matches_api(request: HttpRequest, project_id: int) -> JsonResponse:
    kind = request.GET.get("kind") or None
    if kind is not None and kind not in KINDS:
        return JsonResponse(
            {"error": "Unbekannte Art. Erlaubt: similar, complementary."}, status=400
        )
    if not public_projects().filter(pk=project_id).exists():
        return JsonResponse({"error": "Projekt nicht gefunden."}, status=404)
    results = []
    for shown in visible_matches(project_id, kind, request):
        results.append(
            {
                "project": {
                    "id": shown.target_id,
                    "title": shown.target_title,
                    "url": request.build_absolute_uri(shown.target_url or "/"),
                },
                "kind": shown.kind,
                "score": shown.score,
                "reasons": shown.reasons,
                "explanation": shown.explanation,
            }
        )
    return JsonResponse({"results": results})


def _suggestion_gone(request: HttpRequest) -> HttpResponse:
    """The match went while the form was open (a recompute removed it or an
    editor hid it): the form again with what was typed, nothing kept or sent,
    and a link to the project's current suggestions. 410, not 404: the
    address was right, the suggestion is gone."""
    typed = {name: request.POST.get(name, "") for name in ContactForm.KEPT_FIELDS}
    source_id = typed["source"]
    project = (
        public_projects().filter(pk=int(source_id)).first()
        if source_id.isdecimal() and len(source_id) < 10
        else None
    )
    context = {
        "form": ContactForm(initial=typed),
        "gone": True,
        "typed": request.method == "POST",
        "project": project,
    }
    return render(request, "matching/contact.html", context, status=410)


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, match_id: int) -> HttpResponse:
    match = (
        Match.objects.select_related("source", "target")
        .exclude(state=Match.State.HIDDEN)
        .filter(pk=match_id)
        .first()
    )
    if match is None:
        return _suggestion_gone(request)
    # Live and without a view restriction on the page or any ancestor.
    if public_ids([match.source_id, match.target_id]) != {
        match.source_id,
        match.target_id,
    }:
        raise Http404("Dieses Projekt ist nicht öffentlich.")
    if not relay.contact_address(match.target):
        raise Http404("Dieses Projekt hat keine Kontaktadresse hinterlegt.")
    form = ContactForm(request.POST or None, initial={"source": match.source_id})
    context = {"match": match, "form": form}
    if request.method == "POST":
        if form.is_spam():
            # Dropped silently: the bot sees the usual answer, nothing is kept.
            return render(request, "matching/contact_sent.html", context)
        if form.is_valid():
            data = form.cleaned_data
            if not relay.allow(client_ip(request), data["sender_email"]):
                context["rate_limited"] = gettext(relay.RATE_LIMIT_MESSAGE)
                return render(request, "matching/contact.html", context, status=429)
            request_row = ContactRequest.objects.create(
                match=match,
                source=match.source,
                target=match.target,
                sender_name=data["sender_name"],
                sender_email=data["sender_email"],
                message=data["message"],
                consent_text=relay.CONSENT_TEXT,
                consent_at=timezone.now(),
                language=get_language(),
            )
            queue_on_commit(send_contact_confirmation, request_row.pk)
            return render(request, "matching/contact_sent.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "matching/contact.html", context, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button, only POST confirms: mail scanners open every link
    in a message and would otherwise confirm (and relay) for the sender."""
    request_id = relay.read_token(token, relay.CONFIRM_SALT)
    contact_request = (
        ContactRequest.objects.select_related("target").filter(pk=request_id).first()
        if request_id is not None
        else None
    )
    if contact_request is None:
        context = {"outcome": "invalid"}
        return render(request, "matching/contact_confirm.html", context, status=400)
    context = {"contact": contact_request, "outcome": "ask"}
    if contact_request.confirmed_at:
        context["outcome"] = "already"
    elif request.method == "POST":
        confirmed = ContactRequest.objects.filter(
            pk=contact_request.pk, confirmed_at__isnull=True
        ).update(confirmed_at=timezone.now())
        if confirmed:
            queue_on_commit(relay_contact_request, contact_request.pk)
        context["outcome"] = "confirmed" if confirmed else "already"
    return render(request, "matching/contact_confirm.html", context)


def _from_token(token: str, salt: str) -> ContactRequest:
    request_id = relay.read_token(token, salt)
    if request_id is None:
        raise Http404("Dieser Link ist ungültig oder abgelaufen.")
    return get_object_or_404(
        ContactRequest.objects.select_related("target"),
        pk=request_id,
        confirmed_at__isnull=False,
    )


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, token: str) -> HttpResponse:
    contact_request = _from_token(token, relay.REPLY_SALT)
    form = ReplyForm(request.POST or None)
    context = {"contact": contact_request, "form": form}
    if contact_request.replied_at:
        return render(request, "matching/reply_done.html", context)
    if request.method == "POST" and form.is_valid():
        contact_request.reply = form.cleaned_data["reply"]
        contact_request.replied_at = timezone.now()
        contact_request.save(update_fields=["reply", "replied_at"])
        queue_on_commit(relay_contact_reply, contact_request.pk, get_language())
        return render(request, "matching/reply_done.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "matching/reply.html", context, status=status)


@require_http_methods(["GET", "POST"])
def outcome(request: HttpRequest, token: str) -> HttpResponse:
    contact_request = _from_token(token, relay.OUTCOME_SALT)
    form = OutcomeForm(request.POST or None)
    context = {"contact": contact_request, "form": form}
    if request.method == "POST" and form.is_valid():
        contact_request.outcome = form.cleaned_data["outcome"]
        contact_request.outcome_at = timezone.now()
        contact_request.save(update_fields=["outcome", "outcome_at"])
        context["saved"] = True
    status = 400 if request.method == "POST" and form.errors else 200
    return render(request, "matching/outcome.html", context, status=status)
