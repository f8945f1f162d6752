"""Production's static storage works out each static URL once per process (kok_learn/caching/static_files.py)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage

from kok_learn.caching.static_files import StaticFilesStorage


def test_each_static_url_is_worked_out_once_and_is_whitenoise_answer(monkeypatch, tmp_path):
    asked = []

    def whitenoise_url(self, name, force=False):
        asked.append((name, force))
        return f"/static/{name.replace('.css', '.0123abcd.css')}"

    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url", whitenoise_url)
    storage = StaticFilesStorage(location=str(tmp_path))
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert storage.url("css/site.css") == "/static/css/site.0123abcd.css"
    assert storage.url("css/print.css") == "/static/css/print.0123abcd.css"
    assert asked == [("css/site.css", False), ("css/print.css", False)]
    storage.url("css/site.css", force=True)  # collectstatic's own questions are never answered from memory
    assert asked[-1] == ("css/site.css", True)
