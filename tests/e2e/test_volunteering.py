"""Volunteering in a real browser: an adult applies, both sides accept the contract, hours are logged
and approved in bulk, the confirmation is downloaded and its QR code verifies; a 16-year-old waits for
a parent's consent; a 14-year-old is refused. axe-core checks every new page on the way."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from .browser import assert_accessible, screenshot
from .test_journeys import hr, path_of, read_qr

pytestmark = pytest.mark.e2e

OPPORTUNITY = "pomoc-starijima-na-tecaju-racunala"


def _person(email: str, age: int):
    from allauth.account.models import EmailAddress

    from accounts.models import User

    week_ago = timezone.localdate() - datetime.timedelta(days=7)
    birth = week_ago.replace(year=week_ago.year - age, day=min(week_ago.day, 28))  # exactly `age` today
    user = User.objects.create(email=email, first_name="Vesna", last_name="Babić", date_of_birth=birth)
    user.set_password("kok-demo-2026")
    user.save()
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _fill_profile(page, birth: datetime.date):
    page.locator("input[name=date_of_birth]").fill(birth.isoformat())
    page.locator("input[name=sex][value=z]").check()
    page.locator("input[name=citizenship]").fill("Hrvatska")
    page.locator("select[name=county]").select_option("zagrebacka")
    page.locator("input[name=address]").fill("Kravarsko 9, 10413 Kravarsko")
    page.locator("main button[type=submit]").click()


def test_adult_applies_contract_hours_confirmation_and_qr(new_context, tmp_path):
    from accounts.models import User
    from certificates.models import Certificate
    from volunteering.models import OpportunityPage

    volunteer = _person("vesna.volonterka@primjer.hr", 40)
    coordinator = User.objects.get(email="koordinator@kok.test")
    opportunity = OpportunityPage.objects.get(slug=OPPORTUNITY)
    me = new_context(user=volunteer).new_page()
    admin = new_context(user=coordinator).new_page()

    me.goto("/volontiranje/")
    assert_accessible(me, "volunteering index")
    me.get_by_role("link", name=opportunity.title).click()
    assert_accessible(me, "opportunity page")
    me.get_by_role("link", name=hr("Apply to volunteer")).click()
    me.wait_for_url("**/moje-volontiranje/profil/**")
    assert_accessible(me, "volunteer profile")
    _fill_profile(me, volunteer.date_of_birth)
    me.wait_for_url(f"**/moje-volontiranje/prijava/{opportunity.pk}/")
    assert_accessible(me, "apply form")
    me.locator("textarea[name=motivation]").fill("Rado pomažem starijima.")
    me.get_by_role("button", name=hr("Send the application")).click()
    me.get_by_text(hr("Your application has been sent to the organiser.")).wait_for()

    # The coordinator accepts the application in the admin: a contract is made.
    admin.goto("/admin/volontiranje/")
    form = admin.locator("form", has_text="Vesna Babić").first
    form.get_by_role("button", name=hr("Accept")).click()
    admin.get_by_text(hr("The application has been accepted.")).wait_for()

    # The volunteer reads and accepts the contract and signs the vulnerable-groups statement.
    me.goto("/moje-volontiranje/")
    assert_accessible(me, "my volunteering")
    me.get_by_role("link", name=hr("Read the contract")).click()
    assert_accessible(me, "contract")
    me.get_by_role("button", name=hr("I accept the contract")).click()
    me.get_by_text(hr("You have accepted the volunteering contract.")).wait_for()
    me.goto("/moje-volontiranje/")
    me.get_by_role("button", name=hr("Sign the statement")).click()
    me.get_by_text(hr("Your statement has been recorded.")).first.wait_for()
    assert (
        me.get_by_text(
            hr("This volunteering needs a contract: hours can be logged once both sides have accepted it.")
        ).count()
        == 1
    )

    # The organiser accepts the contract and records having seen the criminal-record certificate.
    admin.goto("/admin/volontiranje/")
    admin.locator("form", has_text="Vesna Babić").filter(
        has=admin.get_by_role("button", name=hr("Accept for the organiser"))
    ).get_by_role("button", name=hr("Accept for the organiser")).click()
    admin.get_by_text(hr("The contract has been accepted for the organiser.")).wait_for()
    admin.locator("form", has_text="Vesna Babić").filter(
        has=admin.get_by_role("button", name=hr("Record the check"))
    ).get_by_role("button", name=hr("Record the check")).click()
    admin.get_by_text(hr("The check has been recorded.")).wait_for()

    # Hours: logged by the volunteer, approved in bulk by the coordinator.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    me.goto("/moje-volontiranje/")
    me.locator("summary", has_text=hr("Log hours")).click()
    me.locator("input[name=date]").fill(yesterday.isoformat())
    me.locator("input[name=hours]").fill("3")
    me.locator("input[name=activity]").fill("Pomoć na tečaju")
    me.locator("form[action*='/sati/'] button[type=submit]").click()
    me.get_by_text(hr("Your hours have been recorded and wait for the organiser's approval.")).wait_for()
    admin.goto("/admin/volontiranje/")
    admin.locator("tr", has_text="Vesna Babić").locator("input[name=entry]").check()
    admin.get_by_role("button", name=hr("Approve the selected hours")).click()
    admin.get_by_text(re.compile(r"Odobreno unosa: 1")).wait_for()

    # The confirmation: asked for, issued, downloaded; its QR code verifies.
    me.goto("/moje-volontiranje/")
    me.locator("summary", has_text=hr("Ask for a confirmation")).click()
    me.locator("input[name=kind][value=volontiranje]").check()
    me.locator("input[name=period_start]").fill((yesterday - datetime.timedelta(days=1)).isoformat())
    me.locator("input[name=period_end]").fill(yesterday.isoformat())
    me.locator("form[action*='/potvrda/'] button[type=submit]").click()
    me.get_by_text(hr("Your request has been sent to the organiser.")).wait_for()
    admin.goto("/admin/volontiranje/")
    admin.locator("form", has_text="Vesna Babić").filter(
        has=admin.get_by_role("button", name=hr("Issue the confirmation"))
    ).get_by_role("button", name=hr("Issue the confirmation")).click()
    admin.get_by_text(hr("The confirmation has been issued.")).wait_for()

    certificate = Certificate.objects.get(recipient=volunteer)
    me.goto("/moje-volontiranje/")
    screenshot(me, "volunteering-confirmation")
    with me.expect_download() as download_info:
        me.locator(f"a[href='{certificate.get_download_path()}']").click()
    pdf = tmp_path / "potvrda-o-volontiranju.pdf"
    download_info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    url = read_qr(pdf)
    assert certificate.code in url.replace("-", ""), url
    visitor = new_context().new_page()
    assert visitor.goto(path_of(url)).ok
    body = visitor.locator("main").inner_text()
    assert opportunity.organiser.oib in body and "Vesna Babić" in body and "3 sata" in body


def test_sixteen_year_old_waits_for_consent_and_fourteen_year_old_is_refused(new_context):
    from volunteering.models import Application, OpportunityPage

    evening = OpportunityPage.objects.get(slug="volonteri-za-kulturnu-vecer-kud-kravarsko")
    teen = _person("luka.mladi@primjer.hr", 16)
    page = new_context(user=teen).new_page()
    page.goto(f"/moje-volontiranje/prijava/{evening.pk}/")
    _fill_profile(page, teen.date_of_birth)
    page.wait_for_url(f"**/moje-volontiranje/prijava/{evening.pk}/")
    page.locator("input[name=guardian_name]").fill("Marina Babić")
    page.locator("input[name=guardian_email]").fill("marina.babic@primjer.hr")
    assert_accessible(page, "apply form for a minor")
    page.get_by_role("button", name=hr("Send the application")).click()
    # Taking part for the first time asks for the ESF entry form (reports); it can wait.
    page.wait_for_url("**/sudionik/ulazni-obrazac/**")
    page.get_by_role("button", name=hr("Later")).click()
    page.wait_for_url("**/moje-volontiranje/")
    assert Application.objects.get(volunteer=teen).state == Application.State.AWAITING_CONSENT
    assert "marina.babic@primjer.hr" in page.locator("main").inner_text()

    child = _person("ivo.dijete@primjer.hr", 14)
    page = new_context(user=child).new_page()
    page.goto(f"/moje-volontiranje/prijava/{evening.pk}/")
    _fill_profile(page, child.date_of_birth)
    page.wait_for_url(f"**/moje-volontiranje/prijava/{evening.pk}/")
    refusal = page.get_by_role("alert")
    assert "15" in refusal.inner_text()
    assert page.get_by_role("button", name=hr("Send the application")).count() == 0
    assert_accessible(page, "refusal for a 14-year-old")
    assert not Application.objects.filter(volunteer=child).exists()
