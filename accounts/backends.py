"""The brute-force guard in front of every password check."""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped when there is no HTTP request.

    Every login form (ours and the Wagtail admin's) passes the request, so all
    logins over HTTP are guarded; only in-process calls such as the test
    client's ``login()`` or the shell authenticate without one, and axes would
    refuse those outright."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
