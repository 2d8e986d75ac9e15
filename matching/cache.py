"""Profiles cached per project and revision, so a recompute reads the
database only for projects that changed since they were last seen.

The key is the search document's physical index and version, which the outbox
drain sets to the page's revision id: a new revision (or a new index) is a new
key, an unpublished project is no candidate at all. Two levels: a dict in
this process (a Celery worker keeps it between tasks) and Django's cache
(Redis, shared by the workers). Labels of taxonomy terms renamed without a
new revision may be stale until the entry expires (``TTL``).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Mapping

from django.core.cache import cache

from .profiles import count_terms, load_profiles
from .scoring.profile import Profile

logger = logging.getLogger(__name__)

TTL = 24 * 3600
LOCAL_SIZE = 20_000
# Bumped when what a profile holds changes (2: topical terms, offer terms;
# 3: related terms; 4: listed offer terms; 5: the classes moved to
# matching.scoring.profile, which the pickled entries name).
_PREFIX = "matching:profile5"

_local: OrderedDict[tuple[int, str], Profile] = OrderedDict()


def _key(pk: int, version: str) -> str:
    return f"{_PREFIX}:{pk}:{version}"


def _remember(pk: int, version: str, profile: Profile) -> None:
    _local[(pk, version)] = profile
    _local.move_to_end((pk, version))
    while len(_local) > LOCAL_SIZE:
        _local.popitem(last=False)


def prepared(profile: Profile) -> Profile:
    """A profile with its term counts, without idf-dependent parts (those
    depend on the projects it is compared with)."""
    if profile.counts is None:
        count_terms(profile)
    profile.vector = {}
    return profile


def profiles_at(versions: Mapping[int, str]) -> dict[int, Profile]:
    """Profiles of these projects at these document versions; misses are read
    from the database in one batch and stored. Returned profiles are copies:
    callers may vectorise them."""
    found: dict[int, Profile] = {}
    remote: list[int] = []
    for pk, version in versions.items():
        hit = _local.get((pk, version))
        if hit is None:
            remote.append(pk)
        else:
            found[pk] = hit
    if remote:
        try:
            stored = cache.get_many([_key(pk, versions[pk]) for pk in remote])
        except Exception:  # noqa: BLE001  (the cache is an optimisation only)
            logger.info("Profile cache unavailable", exc_info=True)
            stored = {}
        missing = []
        for pk in remote:
            profile = stored.get(_key(pk, versions[pk]))
            if isinstance(profile, Profile):
                found[pk] = profile
                _remember(pk, versions[pk], profile)
            else:
                missing.append(pk)
        if missing:
            loaded = {pk: prepared(p) for pk, p in load_profiles(missing).items()}
            for pk, profile in loaded.items():
                found[pk] = profile
                _remember(pk, versions[pk], profile)
            store(loaded, versions)
    return {pk: _copy(profile) for pk, profile in found.items()}


def store(profiles: Mapping[int, Profile], versions: Mapping[int, str]) -> None:
    """Put freshly read profiles into both levels (the rebuild fills the cache
    for the recomputes that follow)."""
    entries = {}
    for pk, profile in profiles.items():
        if pk not in versions:
            continue
        clean = prepared(_copy(profile))
        _remember(pk, versions[pk], clean)
        entries[_key(pk, versions[pk])] = clean
    if not entries:
        return
    try:
        cache.set_many(entries, timeout=TTL)
    except Exception:  # noqa: BLE001
        logger.info("Profile cache unavailable", exc_info=True)


def clear_local() -> None:
    _local.clear()


def _copy(profile: Profile) -> Profile:
    from dataclasses import replace

    return replace(profile, vector={}, term_weights={}, common=frozenset(), weighted={})
