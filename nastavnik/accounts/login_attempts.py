"""Counting failed logins, so that guessing passwords is slow.

The counter lives in Django's cache, keyed by the email address and the client's IP address: five
failures (LOGIN_FAILURE_LIMIT) within fifteen minutes (LOGIN_FAILURE_WINDOW_SECONDS) pause sign-in
for that pair until the window, which starts at the first failure, runs out. Keying by the pair
means that someone guessing from one address cannot lock the real owner out from theirs.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def _key(*, email: str, request: HttpRequest | None) -> str:
    ip = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    # Hashed so that an address with odd characters always makes a valid cache key.
    digest = hashlib.sha256(f"{email.strip().lower()}|{ip}".encode()).hexdigest()
    return f"accounts:login-failures:{digest}"


def login_attempts_exhausted(*, email: str, request: HttpRequest | None) -> bool:
    """Whether this email and IP address have used up their failed attempts for now."""
    return cache.get(_key(email=email, request=request), 0) >= settings.LOGIN_FAILURE_LIMIT


def login_failure_record(*, email: str, request: HttpRequest | None) -> None:
    """Counts one failed attempt; the first one of a window starts the window."""
    key = _key(email=email, request=request)
    cache.add(key, 0, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # the entry expired between add() and incr()
        cache.set(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def login_failures_clear(*, email: str, request: HttpRequest | None) -> None:
    """Forgets the failures after a successful login."""
    cache.delete(_key(email=email, request=request))


def login_pause_minutes() -> int:
    return max(1, round(settings.LOGIN_FAILURE_WINDOW_SECONDS / 60))
