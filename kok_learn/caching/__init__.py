"""Every cache of KOK Learn, in one place (docs/caching.md says what may go inside one).

- :mod:`.generation`: the content generation that every cached page and fragment is stamped with;
  publishing, a privacy change, a settings change or a deploy (``migrate``) starts a new one.
- :mod:`.page_cache`: whole public pages for anonymous visitors (Django's cache middleware).
- :mod:`.content_cache`: pieces of pages that are the same for every visitor of a site
  (``remember()`` and the ``{% contentcache %}`` / ``{% pagecontentcache %}`` tags).
- :mod:`.routing`: which page answered a URL path, checked against the page on every use.
- :mod:`.frontend`: purging the HTTP cache in front when a page's privacy changes.
- :mod:`.checks`: a warning when production would keep its cache in one process's memory.

A cache never decides who may see what: view restrictions, the site look-up, enrolments and
permissions are always read from the database.
"""
