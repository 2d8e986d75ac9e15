"""Sign-up, login and logout (verification and invitations have modules of
their own)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from kb.antispam import is_rate_limited, rate_limited_response
from kb.handoff import queue_on_commit

from .. import services
from ..forms.people import SignupForm
from ..languages import remember_language
from ..models import Verification
from ..retention import discard_unverified
from ..tasks import send_verification

User = get_user_model()


class GermanAuthenticationForm(AuthenticationForm):
    """Login by e-mail address; the wording is German and translated."""

    error_messages = {
        "invalid_login": _(
            "E-Mail-Adresse oder Passwort stimmen nicht. Nach mehreren Fehlversuchen "
            "wird die Anmeldung für eine Stunde gesperrt."
        ),
        "inactive": _("Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse."),
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = gettext("E-Mail-Adresse")
        self.fields["password"].label = gettext("Passwort")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = GermanAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    template_name = "accounts/logged_out.html"


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = SignupForm(request.POST)
        if is_rate_limited(request, "signup", request.POST.get("email")):
            return rate_limited_response(request)
        if form.is_spam():
            return redirect("accounts:signup_done")
        if form.is_valid():
            _register(request, form.cleaned_data)
            return redirect("accounts:signup_done")
        status = 400
    else:
        form = SignupForm()
        status = 200
    return render(request, "accounts/signup.html", {"form": form}, status=status)


def _register(request: HttpRequest, data: dict) -> None:
    """An address with an active account gets no second one and the page looks
    the same, so the form does not tell who is registered. An unverified
    account gives way to the new sign-up: whoever signed up first may not own
    the address, and the link only works with the new password."""
    email = data["email"]
    language = get_language()
    try:
        with transaction.atomic():
            existing = (
                User.objects.select_for_update().filter(username__iexact=email).first()
            )
            if existing is not None and existing.is_active:
                return
            if existing is not None:
                discard_unverified(existing)
            user, _ = services.sign_up(
                organisation=data["organisation"],
                contact_name=data["contact_name"],
                email=email,
                password=data["password1"],
            )
            Verification.objects.create(user=user, language=language or "de")
            remember_language(user, language)
    except IntegrityError:
        return
    queue_on_commit(send_verification, user.pk)


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")
