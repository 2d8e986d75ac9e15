"""Per-address request limits for search, the APIs and password resets.

Each rule of ``settings.REQUEST_RATE_LIMITS`` names a path (``path``: exact,
``prefix``: the start), the scope its counter is kept under, the requests one
address may send per window and, optionally, the methods it counts
(``methods``) and a form field whose value gets a limit of its own
(``per_value`` for ``field``). The first matching rule applies; a rule
without ``per_ip`` exempts its paths. The limits are generous: they stop
scrapers and floods, not people. Counting uses ``kb.antispam`` (the visitor's
address behind trusted proxies, fail-open when Redis is down).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext

from .antispam import RATE_LIMITED_TEMPLATE, is_rate_limited


def matching_rule(request: HttpRequest) -> dict | None:
    path = request.path_info
    for rule in getattr(settings, "REQUEST_RATE_LIMITS", ()):
        if path == rule.get("path") or (
            rule.get("prefix") and path.startswith(rule["prefix"])
        ):
            methods = rule.get("methods")
            if methods and request.method not in methods:
                return None
            return rule if rule.get("per_ip") else None
    return None


def too_many(request: HttpRequest, rule: dict) -> HttpResponse:
    window = int(rule.get("window", 60))
    if window >= 3600:
        message = gettext(
            "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Anfragen. "
            "Bitte versuchen Sie es in einer Stunde erneut."
        )
    else:
        message = gettext(
            "Von Ihrem Anschluss kamen in kurzer Zeit zu viele Anfragen. "
            "Bitte warten Sie eine Minute und versuchen Sie es dann erneut."
        )
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"error": message}, status=429)
    else:
        response = HttpResponse(
            render_to_string(
                RATE_LIMITED_TEMPLATE, {"message": message}, request=request
            ),
            status=429,
        )
    response["Retry-After"] = str(window)
    return response


class RequestRateLimitMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rule = matching_rule(request)
        if rule is not None:
            field = rule.get("field")
            value = request.POST.get(field) if field else None
            if is_rate_limited(
                request,
                rule["scope"],
                value,
                per_ip=rule["per_ip"],
                per_email=rule.get("per_value", rule["per_ip"]),
                window=int(rule.get("window", 60)),
            ):
                return too_many(request, rule)
        return self.get_response(request)
