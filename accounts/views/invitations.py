"""Inviting a person to maintain an initiative, revoking and accepting."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_http_methods, require_POST

from kb.antispam import is_rate_limited, rate_limited_response

from .. import invitations, services
from ..access import initiative_for
from ..forms.people import AcceptInvitationForm, InvitationForm
from ..models import Invitation, Membership

User = get_user_model()


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    initiative = initiative_for(request.user, pk)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if is_rate_limited(request, "invite", request.POST.get("email")):
            return rate_limited_response(request)
        if not invitations.may_invite(request.user):
            form.add_error(
                None,
                gettext(
                    "Sie haben schon %(count)s offene Einladungen. Ziehen Sie eine "
                    "zurück oder warten Sie, bis sie angenommen sind."
                )
                % {"count": invitations.MAX_OPEN_PER_MEMBER},
            )
        elif form.is_valid():
            email = form.cleaned_data["email"]
            invitations.invite(initiative, email, request.user, get_language())
            messages.success(
                request,
                gettext("Die Einladung an {email} ist unterwegs.").format(email=email),
            )
            return redirect("accounts:invite", pk=initiative.pk)
    status = 400 if form.errors else 200
    pending = invitations.open_invitations().filter(initiative=initiative)
    context = {"form": form, "initiative": initiative, "pending": pending}
    return render(request, "accounts/invite.html", context, status=status)


@login_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Any member of the initiative may withdraw its open invitations."""
    invitation = get_object_or_404(Invitation, pk=pk)
    initiative = initiative_for(request.user, invitation.initiative_id)
    invitations.revoke(invitation)
    messages.success(
        request,
        gettext("Die Einladung an {email} ist zurückgezogen.").format(
            email=invitation.email
        ),
    )
    return redirect("accounts:invite", pk=initiative.pk)


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/accept.html", {"invalid": True}, status=400)


@require_http_methods(["GET", "POST"])
def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows the page, only POST joins (mail scanners open links)."""
    invitation = invitations.usable(token)
    if invitation is None:
        return _invalid(request)
    initiative = invitation.initiative
    existing = User.objects.filter(username__iexact=invitation.email).first()
    if existing is not None:
        # The link proves the address; joining an existing account needs its
        # owner logged in, so a forwarded link cannot take over the account.
        if request.user != existing:
            messages.info(request, gettext("Bitte melden Sie sich an, um beizutreten."))
            return redirect(f"{reverse('accounts:login')}?next={request.path}")
        if request.method == "POST":
            with transaction.atomic():
                invitation = invitations.usable(token, lock=True)
                if invitation is None:
                    return _invalid(request)
                Membership.objects.get_or_create(user=existing, initiative=initiative)
                invitations.mark_accepted(invitation)
            messages.success(
                request,
                gettext("Sie pflegen jetzt „{title}“ mit.").format(
                    title=initiative.title
                ),
            )
            return redirect("accounts:dashboard")
        context = {"initiative": initiative, "email": invitation.email, "join": True}
        return render(request, "accounts/accept.html", context)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            invitation = invitations.usable(token, lock=True)
            if invitation is None:
                return _invalid(request)
            user = User(
                username=invitation.email,
                email=invitation.email,
                first_name=form.cleaned_data["name"],
                is_active=True,
            )
            user.set_password(form.cleaned_data["password1"])
            user.save()
            services.record_consents(user)
            services.quiet_admin_notifications(user)
            Membership.objects.create(user=user, initiative=initiative)
            invitations.mark_accepted(invitation)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect("accounts:dashboard")
    status = 400 if form.errors else 200
    return render(
        request,
        "accounts/accept.html",
        {"form": form, "initiative": initiative, "email": invitation.email},
        status=status,
    )
