"""The private calendar feed: the page to make, renew and switch off the link, and the
iCalendar feed itself (only the person's own open actions and KPIs, only organisations where
they are still a member)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kpis.models import quarter_end
from mvo.models import Membership
from plans.models import CalendarFeed
from plans.services import renew_calendar_feed
from tests.factories import ActionFactory, KpiFactory, MembershipFactory, PlanFactory
from tests.helpers import assert_queries_constant

PAGE = "/account/agenda/"


def feed_url(feed):
    return reverse("calendar_feed", kwargs={"token": feed.token})


def events(client, feed):
    response = client.get(feed_url(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_the_page_needs_a_login(client_for):
    response = client_for(None).get(PAGE)
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_make_renew_and_switch_off_the_link(org_a, client_for):
    client = client_for(org_a.member)
    assert "Agendalink maken" in client.get(PAGE).content.decode()
    assert client.post(reverse("calendar_renew")).status_code == 302
    feed = CalendarFeed.objects.get(user=org_a.member)
    assert len(feed.token) >= 40
    page = client.get(PAGE).content.decode()
    assert f"http://testserver{feed_url(feed)}" in page
    anonymous = client_for(None)
    assert anonymous.get(feed_url(feed)).status_code == 200

    client.post(reverse("calendar_renew"))
    renewed = CalendarFeed.objects.get(user=org_a.member)
    assert renewed.token != feed.token
    assert anonymous.get(feed_url(feed)).status_code == 404
    assert anonymous.get(feed_url(renewed)).status_code == 200

    client.post(reverse("calendar_revoke"))
    assert not CalendarFeed.objects.filter(user=org_a.member).exists()
    assert anonymous.get(feed_url(renewed)).status_code == 404
    assert "Agendalink maken" in client.get(PAGE).content.decode()


def test_renew_and_revoke_only_by_post(org_a, client_for):
    client = client_for(org_a.member)
    assert client.get(reverse("calendar_renew")).status_code == 405
    assert client.get(reverse("calendar_revoke")).status_code == 405


def test_unknown_token_and_inactive_person_give_404(org_a, client_for):
    anonymous = client_for(None)
    assert anonymous.get("/agenda/bestaat-niet.ics").status_code == 404
    feed = renew_calendar_feed(org_a.member)
    org_a.member.is_active = False
    org_a.member.save(update_fields=["is_active"])
    assert anonymous.get(feed_url(feed)).status_code == 404


def test_feed_has_own_open_actions_and_kpis_only(org_a, org_b, client_for):
    user = org_a.member
    today = timezone.localdate()
    plan = PlanFactory(organisation=org_a.org, start_year=today.year, end_year=today.year + 1)
    due = ActionFactory(
        plan=plan, title="Zonnepanelen", responsible=user, due_date=date(2026, 5, 1)
    )
    by_quarter = ActionFactory(
        plan=plan,
        title="Fietsplan",
        responsible=user,
        planned_year=today.year,
        planned_quarter=3,
        status="lopend",
    )
    ActionFactory(plan=plan, title="Al klaar", responsible=user, due_date=today, status="afgerond")
    ActionFactory(
        plan=plan, title="Geschrapt", responsible=user, due_date=today, status="geschrapt"
    )
    ActionFactory(plan=plan, title="Zonder datum", responsible=user)
    ActionFactory(plan=plan, title="Van een ander", responsible=org_a.admin, due_date=today)
    quarterly = KpiFactory(organisation=org_a.org, name="CO2-uitstoot", owner=user)
    yearly = KpiFactory(organisation=org_a.org, name="Verzuim", owner=user, frequency="jaar")
    KpiFactory(organisation=org_a.org, name="KPI van een ander", owner=org_a.admin)
    # An organisation the person left: nothing of it may show.
    former = MembershipFactory(user=user, organisation=org_b.org)
    plan_b = PlanFactory(organisation=org_b.org)
    ActionFactory(plan=plan_b, title="Oude organisatie", responsible=user, due_date=today)
    KpiFactory(organisation=org_b.org, name="Oude KPI", owner=user)
    former.delete()

    found = events(client_for(None), renew_calendar_feed(user))
    summaries = sorted(str(e["SUMMARY"]) for e in found.values())
    assert f"action-{due.pk}@koers" in found
    assert found[f"action-{due.pk}@koers"]["DTSTART"].dt == date(2026, 5, 1)
    assert found[f"action-{due.pk}@koers"]["DTEND"].dt == date(2026, 5, 2)
    assert found[f"action-{by_quarter.pk}@koers"]["DTSTART"].dt == quarter_end(today.year, 3)
    assert "Actie af: Zonnepanelen" in summaries
    for absent in ("Al klaar", "Geschrapt", "Zonder datum", "Van een ander", "Oude organisatie"):
        assert not any(absent in s for s in summaries), absent
    assert not any("Oude KPI" in s or "KPI van een ander" in s for s in summaries)
    kpi_days = sorted(
        e["DTSTART"].dt for uid, e in found.items() if uid.startswith(f"kpi-{quarterly.pk}-")
    )
    assert kpi_days == [
        quarter_end(y, q) for y in (today.year, today.year + 1) for q in (1, 2, 3, 4)
    ]
    yearly_days = sorted(
        e["DTSTART"].dt for uid, e in found.items() if uid.startswith(f"kpi-{yearly.pk}-")
    )
    assert yearly_days == [date(today.year, 12, 31), date(today.year + 1, 12, 31)]
    assert len(found) == 2 + 8 + 2
    event = found[f"action-{due.pk}@koers"]
    assert "Organisatie A" in str(event["DESCRIPTION"])
    assert str(event["URL"]).startswith("http://testserver/o/org-a/")


def test_uids_are_stable_between_fetches(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    ActionFactory(plan=plan, responsible=org_a.member, due_date=date(2026, 3, 1))
    KpiFactory(organisation=org_a.org, owner=org_a.member)
    feed = renew_calendar_feed(org_a.member)
    client = client_for(None)
    first = set(events(client, feed))
    assert first == set(events(client, feed))
    assert len(first) == 9


def test_another_persons_token_shows_only_their_data(org_a, client_for):
    plan = PlanFactory(organisation=org_a.org)
    ActionFactory(
        plan=plan, title="Van member", responsible=org_a.member, due_date=date(2026, 3, 1)
    )
    ActionFactory(plan=plan, title="Van admin", responsible=org_a.admin, due_date=date(2026, 3, 1))
    mine = renew_calendar_feed(org_a.admin)
    renew_calendar_feed(org_a.member)
    summaries = [str(e["SUMMARY"]) for e in events(client_for(org_a.member), mine).values()]
    assert summaries == ["Actie af: Van admin"]


@pytest.mark.parametrize("path", [PAGE, None])
def test_query_counts_do_not_grow_with_actions(org_a, client_for, path):
    user = org_a.member
    plan = PlanFactory(organisation=org_a.org)
    feed = renew_calendar_feed(user)
    client = client_for(user if path else None)
    day = date(2026, 1, 1)

    def add_actions(n):
        for i in range(n):
            ActionFactory(plan=plan, responsible=user, due_date=day + timedelta(days=i))
            KpiFactory(organisation=org_a.org, owner=user)

    assert_queries_constant(client, path or feed_url(feed), add_actions, small=2, large=25)


def test_a_member_still_sees_after_leaving_one_of_two_organisations(org_a, org_b, client_for):
    user = org_a.member
    MembershipFactory(user=user, organisation=org_b.org)
    plan_b = PlanFactory(organisation=org_b.org)
    ActionFactory(plan=plan_b, title="In B", responsible=user, due_date=date(2026, 3, 1))
    feed = renew_calendar_feed(user)
    client = client_for(None)
    assert [str(e["SUMMARY"]) for e in events(client, feed).values()] == ["Actie af: In B"]
    Membership.objects.filter(user=user, organisation=org_b.org).delete()
    assert events(client, feed) == {}
