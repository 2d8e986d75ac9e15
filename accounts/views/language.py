"""The site's language switch, which also remembers a member's choice for
the mails that no visit triggers (``accounts.languages``).

The header offers the languages as plain links (``?language=en&next=…``, a
GET); Django's form switch (a POST) keeps working."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.views.i18n import LANGUAGE_QUERY_PARAMETER
from django.views.i18n import set_language as django_set_language

from ..languages import remember_language


def _remember(request: HttpRequest, language: str | None) -> None:
    if request.user.is_authenticated and language and check_for_language(language):
        remember_language(request.user, language)


def _switch_by_link(request: HttpRequest) -> HttpResponse:
    language = request.GET.get(LANGUAGE_QUERY_PARAMETER, "")
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if check_for_language(language):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        _remember(request, language)
    return response


def set_language(request: HttpRequest) -> HttpResponse:
    if request.method == "GET" and LANGUAGE_QUERY_PARAMETER in request.GET:
        return _switch_by_link(request)
    response = django_set_language(request)
    if request.method == "POST":
        _remember(request, request.POST.get(LANGUAGE_QUERY_PARAMETER))
    return response
