"""Public views of matching: the JSON API and the contact relay."""

from __future__ import annotations

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods

from . import contact as relay
from .forms import ContactForm, OutcomeForm, ReplyForm
from .models import ContactRequest, Match
from .profiles import public_projects
from .queries import visible_matches
from .scoring import KINDS
from .tasks import relay_contact_reply, relay_contact_request


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


def _client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest, match_id: int) -> HttpResponse:
    match = get_object_or_404(
        Match.objects.select_related("source", "target").exclude(
            state=Match.State.HIDDEN
        ),
        pk=match_id,
        source__live=True,
        target__live=True,
    )
    if not relay.contact_address(match.target):
        raise Http404("Dieses Projekt hat keine Kontaktadresse hinterlegt.")
    form = ContactForm(request.POST or None)
    context = {"match": match, "form": form}
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not relay.allow(_client_ip(request), data["sender_email"]):
            context["rate_limited"] = gettext(relay.RATE_LIMIT_MESSAGE)
            return render(request, "matching/contact.html", context, status=429)
        now = timezone.now()
        request_row = ContactRequest.objects.create(
            match=match,
            source=match.source,
            target=match.target,
            sender_name=data["sender_name"],
            sender_email=data["sender_email"],
            message=data["message"],
            consent_text=relay.CONSENT_TEXT,
            consent_at=now,
            language=get_language(),
        )
        transaction.on_commit(lambda: relay_contact_request.delay(request_row.pk))
        return render(request, "matching/contact_sent.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "matching/contact.html", context, status=status)


def _from_token(token: str, salt: str) -> ContactRequest:
    request_id = relay.read_token(token, salt)
    if request_id is None:
        raise Http404("Dieser Link ist ungültig oder abgelaufen.")
    return get_object_or_404(
        ContactRequest.objects.select_related("target"), pk=request_id
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
        language = get_language()
        transaction.on_commit(
            lambda: relay_contact_reply.delay(contact_request.pk, language)
        )
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
