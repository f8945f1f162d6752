"""The privacy notice data (accounts/privacy_notice.py) fits home's StandardPage body and says what it must."""

import pytest

from accounts import privacy_notice

pytestmark = pytest.mark.django_db


def test_notice_is_valid_standard_page_body():
    from home.blocks import BodyBlock

    block = BodyBlock()
    value = block.to_python([{"type": kind, "value": data} for kind, data in privacy_notice.BODY])
    block.clean(value)
    html = block.render(value)
    assert "<h2" in html
    assert "Moji podaci" in html


@pytest.mark.parametrize(
    "phrase",
    ["16 godina", "30 dana", "preuzeti sve svoje podatke", "izbrisati račun", "ne prikazuje vaše ime", "AZOP"],
)
def test_notice_covers_what_the_platform_does(phrase):
    text = privacy_notice.INTRO + " ".join(
        data if isinstance(data, str) else data.get("text", "") for _, data in privacy_notice.BODY
    )
    assert phrase in text
    assert privacy_notice.SLUG == "zastita-osobnih-podataka"
