"""A person's calendar as iCalendar (RFC 5545), for the private feed.

All-day events: the deadline of each open action they are responsible for (its due date, or
the end of its planned quarter) and the measurement dates of the KPIs they own (the end of each
quarter of this year and the next; for yearly KPIs 31 December). Only organisations where the
person is still a member count. UIDs stay the same between fetches, so calendar apps update
events instead of adding them again.
"""

from datetime import timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from kpis.models import Frequency, Kpi, period_label, quarter_end

from .models import Action
from .reminders import action_path

UID_DOMAIN = "koers"


def _event(uid, day, summary, description, url, stamp):
    event = Event()
    event.add("uid", f"{uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    event.add("transp", "TRANSPARENT")  # a deadline does not make the person busy
    return event


def calendar_bytes(user, organisation_ids, site_root, today=None):
    """The feed of ``user`` for the organisations in ``organisation_ids`` (a queryset of
    their memberships' organisation ids). ``site_root``: absolute URL of the site root."""
    today = today or timezone.localdate()
    root = site_root.rstrip("/")
    stamp = timezone.now()
    with translation.override(user.preferred_language):
        calendar = Calendar()
        calendar.add("prodid", "-//Koers//Agenda//NL")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", _("Koers: mijn acties en metingen"))
        actions = (
            Action.objects.filter(responsible=user, organisation_id__in=organisation_ids)
            .open()
            .filter(Q(due_date__isnull=False) | Q(planned_period__isnull=False))
            .select_related("organisation", "plan")
            .order_by("pk")
        )
        for action in actions:
            url = root + action_path(action.organisation.slug, action)
            description = _("%(org)s · plan %(plan)s · status %(status)s") % {
                "org": action.organisation.name,
                "plan": action.plan.title,
                "status": action.get_status_display(),
            }
            calendar.add_component(
                _event(
                    f"action-{action.pk}",
                    action.deadline,
                    _("Actie af: %(title)s") % {"title": action.title},
                    description,
                    url,
                    stamp,
                )
            )
        kpis = (
            Kpi.objects.filter(owner=user, organisation_id__in=organisation_ids)
            .select_related("organisation")
            .order_by("pk")
        )
        years = (today.year, today.year + 1)
        for kpi in kpis:
            url = root + reverse("kpis:detail", args=[kpi.organisation.slug, kpi.pk])
            quarters = (None,) if kpi.frequency == Frequency.YEARLY else (1, 2, 3, 4)
            for year in years:
                for quarter in quarters:
                    period = period_label(year, quarter)
                    calendar.add_component(
                        _event(
                            f"kpi-{kpi.pk}-{year}-{quarter or 'jaar'}",
                            quarter_end(year, quarter),
                            _("Meting %(kpi)s over %(period)s")
                            % {"kpi": kpi.name, "period": period},
                            _("%(org)s · KPI %(kpi)s (%(unit)s)")
                            % {"org": kpi.organisation.name, "kpi": kpi.name, "unit": kpi.unit},
                            url,
                            stamp,
                        )
                    )
        return calendar.to_ical()
