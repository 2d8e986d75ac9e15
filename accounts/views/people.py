"""Sign-up, e-mail verification, invitations, login and logout."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from kb.antispam import is_rate_limited, rate_limited_response

from .. import services, tokens
from ..access import initiative_for
from ..forms.people import AcceptInvitationForm, InvitationForm, SignupForm
from ..languages import remember_language
from ..models import Membership
from ..tasks import send_invitation, send_verification

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
    # An address that already has an account gets no second one and the page
    # looks the same, so the form does not tell who is registered.
    if User.objects.filter(username__iexact=data["email"]).exists():
        return
    try:
        user, _ = services.sign_up(
            organisation=data["organisation"],
            contact_name=data["contact_name"],
            email=data["email"],
            password=data["password1"],
        )
    except IntegrityError:
        return
    url = request.build_absolute_uri(
        reverse(
            "accounts:verify", args=[tokens.verification_token(user.pk, user.email)]
        )
    )
    language = get_language()
    remember_language(user, language)
    transaction.on_commit(lambda: send_verification.delay(user.pk, url, language))


def signup_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signup_done.html")


def verify(request: HttpRequest, token: str) -> HttpResponse:
    payload = tokens.read_verification(token)
    user = (
        User.objects.filter(pk=payload["u"], email=payload["e"]).first()
        if payload
        else None
    )
    if user is None:
        return render(
            request, "accounts/verify.html", {"outcome": "invalid"}, status=400
        )
    if user.is_active:
        return render(request, "accounts/verify.html", {"outcome": "already"})
    user.is_active = True
    user.save(update_fields=["is_active"])
    return render(request, "accounts/verify.html", {"outcome": "verified"})


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request.user, pk)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if is_rate_limited(request, "invite", request.POST.get("email")):
            return rate_limited_response(request)
        if form.is_valid():
            email = form.cleaned_data["email"]
            token = tokens.invitation_token(initiative.pk, email, request.user.pk)
            url = request.build_absolute_uri(reverse("accounts:accept", args=[token]))
            inviter = request.user.first_name or request.user.email
            title = initiative.title
            language = get_language()
            transaction.on_commit(
                lambda: send_invitation.delay(email, title, inviter, url, language)
            )
            messages.success(
                request,
                gettext("Die Einladung an {email} ist unterwegs.").format(email=email),
            )
            return redirect("accounts:dashboard")
    status = 400 if form.errors else 200
    return render(
        request,
        "accounts/invite.html",
        {"form": form, "initiative": initiative},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    payload = tokens.read_invitation(token)
    initiative = (
        services.InitiativePage.objects.filter(pk=payload["i"]).first()
        if payload
        else None
    )
    if initiative is None:
        return render(request, "accounts/accept.html", {"invalid": True}, status=400)
    email = payload["e"]
    existing = User.objects.filter(username__iexact=email).first()
    if existing is not None:
        # The link proves the address; joining an existing account needs its
        # owner logged in, so a forwarded link cannot take over the account.
        if request.user != existing:
            messages.info(request, gettext("Bitte melden Sie sich an, um beizutreten."))
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        Membership.objects.get_or_create(user=existing, initiative=initiative)
        messages.success(
            request,
            gettext("Sie pflegen jetzt „{title}“ mit.").format(title=initiative.title),
        )
        return redirect("accounts:dashboard")
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = User(
                username=email,
                email=email,
                first_name=form.cleaned_data["name"],
                is_active=True,
            )
            user.set_password(form.cleaned_data["password1"])
            user.save()
            services.record_consents(user)
            services.quiet_admin_notifications(user)
            Membership.objects.create(user=user, initiative=initiative)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("accounts:dashboard")
    status = 400 if form.errors else 200
    return render(
        request,
        "accounts/accept.html",
        {"form": form, "initiative": initiative, "email": email},
        status=status,
    )
