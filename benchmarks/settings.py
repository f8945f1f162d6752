"""Settings for `make bench`: exactly the production settings plus a bench-only URL module.

`benchmarks/run.py` supplies the environment (a throw-away secret key, loopback hosts, no HTTPS
redirect, the database under var/bench/). Nothing else differs from production, so the middleware,
caches, sessions, template loaders and static storage under test are the ones that serve users.
The production URLconf never contains the bench views.
"""

from kok_learn.settings.production import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"

# All the load comes from one loopback address, so the public verification page's per-IP limit
# (30 look-ups per 10 minutes) would turn the measurement into one of the 429 page. The limit is
# raised, not removed: the counter (a cache add/incr per request) still runs as in production.
KOK_VERIFY_RATE_LIMIT = (10**9, 600)
