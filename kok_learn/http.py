"""Small HTTP helpers shared by every app: the client's address behind a proxy, cache-control opt-outs."""

from collections.abc import Callable
from functools import wraps


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
