"""Members' own data: download it, or delete the account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from ..forms.people import DeleteAccountForm
from ..privacy import delete_account, export_personal_data


@login_required
def export(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(
        export_personal_data(request.user), json_dumps_params={"indent": 2}
    )
    response["Content-Disposition"] = 'attachment; filename="meine-daten.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_account(user)
        messages.success(
            request,
            gettext(
                "Ihr Konto und Ihre persönlichen Daten sind gelöscht. "
                "Die Seiten Ihrer Initiative betreut jetzt die Redaktion."
            ),
        )
        return redirect("/")
    status = 400 if form.errors else 200
    return render(request, "accounts/delete.html", {"form": form}, status=status)
