import pytest

from accounts import roles

from .factories import UserFactory, mentor_with_pairing


@pytest.fixture
def setup(db):
    """A pairing with its mentor and a mentee member, plus a coordinator and an outsider."""
    mentor, member, pairing = mentor_with_pairing()
    coordinator = UserFactory(roles=[roles.COORDINATOR], is_staff=True)
    outsider = UserFactory(roles=[roles.LEARNER])
    other_mentor, other_member, other_pairing = mentor_with_pairing()
    return {
        "mentor": mentor,
        "member": member,
        "pairing": pairing,
        "coordinator": coordinator,
        "outsider": outsider,
        "other_mentor": other_mentor,
        "other_member": other_member,
        "other_pairing": other_pairing,
    }


@pytest.fixture(autouse=True)
def no_courses(monkeypatch):
    """Courses are another app: the pairing page asks courses.selectors for each weak area.
    Tests that check the link to courses replace this stub themselves."""
    import mentoring.selectors

    monkeypatch.setattr(mentoring.selectors, "_course_list", lambda area_slug: [])
