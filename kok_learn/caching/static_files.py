"""Static files for production: WhiteNoise's compressed manifest storage, with each URL worked out once.

``{% static %}`` asks the storage for a file's hashed URL on every use, about 40 µs each time (name
cleaning, a manifest look-up, URL quoting and joining); a page uses it six times. The manifest is read
once when a process starts and a deploy starts new processes, so a name's URL cannot change while a
process runs: each one is kept in the process after its first use.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls: dict[str, str] = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        try:
            return self._urls[name]
        except KeyError:
            url = self._urls[name] = super().url(name)
            return url
