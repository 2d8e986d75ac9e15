"""The site's language switch, which also remembers a member's choice for
the mails that no visit triggers (``accounts.languages``)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import check_for_language
from django.views.i18n import LANGUAGE_QUERY_PARAMETER
from django.views.i18n import set_language as django_set_language

from ..languages import remember_language


def set_language(request: HttpRequest) -> HttpResponse:
    response = django_set_language(request)
    language = request.POST.get(LANGUAGE_QUERY_PARAMETER)
    if (
        request.method == "POST"
        and request.user.is_authenticated
        and language
        and check_for_language(language)
    ):
        remember_language(request.user, language)
    return response
