"""Small HTTP helpers shared by every app: the client's address behind a proxy, cache-control opt-outs."""

import ipaddress
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache


def keep_cache_control(view: Callable) -> Callable:
    """Decorate a view whose responses to signed-in people set their own ``Cache-Control``.

    Without it, :class:`kok_learn.middleware.PrivateNoStoreMiddleware` makes every response to a
    signed-in person ``private, no-store``.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.kok_keep_cache_control = True
        return response

    return wrapped


def client_ip(request) -> str | None:
    """The visitor's address, the one used for every rate limit, lock-out and record of consent.

    Behind ``KOK_TRUSTED_PROXY_COUNT`` proxies of our own (nginx, a load balancer) each appends the
    address it got the request from to ``X-Forwarded-For``, so the visitor's address is the N-th from
    the right; anything further left is whatever the client claimed and is ignored. Without proxies
    (the count is 0) the header is ignored altogether and ``REMOTE_ADDR`` counts. None when the request
    carries no address at all (e.g. a request built in code), so address fields stay empty, not invalid.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "KOK_TRUSTED_PROXY_COUNT", 0) or 0
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            candidate = forwarded[-proxies]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote or None


def rate_limited(request, *, scope: str, limit: int, window: int) -> bool:
    """Counts this request against ``limit`` per ``window`` seconds for the visitor's address; True once over."""
    key = f"ratelimit:{scope}:{client_ip(request) or 'unknown'}"
    if cache.add(key, 1, timeout=window):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit
