import pytest

from certificates.codes import ALPHABET, format_code, generate_code, normalise_code


def test_generated_codes_are_twelve_crockford_characters_and_differ():
    codes = {generate_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        assert len(code) == 12
        assert set(code) <= set(ALPHABET)
        assert not set(code) & set("ILOU")


def test_format_groups_by_four():
    assert format_code("7KQ2M9XD4TNB") == "7KQ2-M9XD-4TNB"


@pytest.mark.parametrize(
    "typed",
    [
        "7KQ2-M9XD-4TNB",
        "7kq2-m9xd-4tnb",
        "7KQ2M9XD4TNB",
        " 7KQ2 M9XD 4TNB ",
        "7kq2 – m9xd – 4tnb",
        "7KQ2.M9XD.4TNB",
    ],
)
def test_normalise_accepts_case_spaces_and_dashes(typed):
    assert normalise_code(typed) == "7KQ2M9XD4TNB"


def test_normalise_undoes_confusable_letters():
    assert normalise_code("O1I0-LLoo-iI00") == "0110110011" + "00"
    assert normalise_code("o1i0l1o0i1l0") == "011011001110"


@pytest.mark.parametrize(
    "typed",
    ["", "7KQ2-M9XD", "7KQ2-M9XD-4TNB-X", "7KQ2-M9XD-4TNU", "ČĆĐŠ-M9XD-4TNB", "<script>", "x" * 100, None, 12],
)
def test_normalise_rejects_what_cannot_be_a_code(typed):
    assert normalise_code(typed) is None
