"""Verifying a new account's address, and asking for a new link.

The link in the mail opens a page; only its form (POST, with the password
chosen at sign-up) activates the account. Mail scanners open every link, and
the password proves that whoever clicks also signed up: a stranger who signed
up with someone else's address cannot have it activated for them."""

from __future__ import annotations

from django.contrib.auth import get_user_model, login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kb.antispam import is_rate_limited, rate_limited_response
from kb.handoff import queue_on_commit

from .. import tokens
from ..forms.people import ResendVerificationForm, VerifyForm
from ..models import Verification
from ..tasks import send_verification

User = get_user_model()


def _user_for(token: str):
    payload = tokens.read_verification(token)
    if not payload:
        return None
    return User.objects.filter(pk=payload["u"], email=payload["e"]).first()


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest, token: str) -> HttpResponse:
    user = _user_for(token)
    if user is None:
        return render(
            request, "accounts/verify.html", {"outcome": "invalid"}, status=400
        )
    if user.is_active:
        return render(request, "accounts/verify.html", {"outcome": "already"})
    form = VerifyForm(request.POST or None, user=user)
    if request.method == "POST":
        if is_rate_limited(request, "verify", user.email):
            return rate_limited_response(request)
        if form.is_valid():
            updated = User.objects.filter(pk=user.pk, is_active=False).update(
                is_active=True
            )
            Verification.objects.filter(user=user).delete()
            user.refresh_from_db()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            outcome = "verified" if updated else "already"
            return render(request, "accounts/verify.html", {"outcome": outcome})
    status = 400 if form.errors else 200
    context = {"outcome": "ask", "form": form, "email": user.email}
    return render(request, "accounts/verify.html", context, status=status)


@require_http_methods(["GET", "POST"])
def resend(request: HttpRequest) -> HttpResponse:
    """A new link for an unverified account; the answer is the same for every
    address, so the form does not tell who is registered."""
    form = ResendVerificationForm(request.POST or None)
    if request.method == "POST":
        if is_rate_limited(request, "resend", request.POST.get("email")):
            return rate_limited_response(request)
        if form.is_spam():
            return render(request, "accounts/resend.html", {"sent": True})
        if form.is_valid():
            _renew(form.cleaned_data["email"])
            return render(request, "accounts/resend.html", {"sent": True})
    status = 400 if form.errors else 200
    return render(request, "accounts/resend.html", {"form": form}, status=status)


def _renew(email: str) -> None:
    user = User.objects.filter(username__iexact=email, is_active=False).first()
    if user is None:
        return
    Verification.objects.update_or_create(
        user=user, defaults={"requested_at": timezone.now(), "sent_at": None}
    )
    queue_on_commit(send_verification, user.pk)
