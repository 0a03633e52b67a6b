"""The weekly reminder: who gets one and what it says. Sending is done by plans.tasks.

A reminder lists, per organisation where the person is still a member: their open actions
that are overdue, their open actions due in the coming two weeks, and the KPIs they own whose
measurement for the last finished quarter is missing (yearly KPIs: in the first quarter, the
value of the year before). Nothing is sent when there is nothing to say.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kpis.models import Frequency, Kpi, Measurement, last_finished_quarter, quarter_end
from mvo.models import Membership, User

from .models import Action, encode_quarter

SOON_DAYS = 14


def week_start(today=None):
    """The Monday of the ISO week of ``today``: the week a reminder belongs to."""
    today = today or timezone.localdate()
    return today - timedelta(days=today.weekday())


def recipients():
    """Active people with reminders on who are a member of at least one organisation."""
    member = Membership.objects.filter(user=OuterRef("pk"))
    return User.objects.filter(is_active=True, weekly_reminders=True).filter(Exists(member))


def action_path(org_slug, action):
    """The page of an action: its own page where there is one, else its plan."""
    try:
        return reverse("plans:action_detail", args=[org_slug, action.pk])
    except NoReverseMatch:
        return reverse("plans:detail", args=[org_slug, action.plan_id])


def _site_url(path):
    return f"{getattr(settings, 'SITE_URL', '').rstrip('/')}{path}"


def reminder_sections(user, today=None):
    """[{organisation, overdue, soon, kpis}] for each organisation with something to say,
    by organisation name; [] when there is nothing. Three queries whatever the numbers."""
    today = today or timezone.localdate()
    orgs = Membership.objects.filter(user=user).values("organisation_id")
    actions = (
        Action.objects.filter(responsible=user, organisation_id__in=orgs)
        .select_related("organisation", "plan")
        .order_by("due_date", "planned_period", "title", "pk")
    )
    year, quarter = today.year, (today.month - 1) // 3 + 1
    soon_q = Q(due_date__gte=today, due_date__lte=today + timedelta(days=SOON_DAYS))
    if quarter_end(year, quarter) <= today + timedelta(days=SOON_DAYS):
        soon_q |= Q(due_date__isnull=True, planned_period=encode_quarter(year, quarter))
    sections = {}

    def section(org):
        return sections.setdefault(
            org.pk, {"organisation": org, "overdue": [], "soon": [], "kpis": []}
        )

    for action in actions.overdue(today):
        section(action.organisation)["overdue"].append(action)
    for action in actions.open().filter(soon_q):
        section(action.organisation)["soon"].append(action)
    for kpi in missing_measurements(user, orgs, today):
        section(kpi.organisation)["kpis"].append(kpi)
    for item in sections.values():
        slug = item["organisation"].slug
        for action in item["overdue"] + item["soon"]:
            action.url = _site_url(action_path(slug, action))
        for kpi in item["kpis"]:
            kpi.url = _site_url(reverse("kpis:detail", args=[slug, kpi.pk]))
        item["quarter_entry_url"] = _site_url(reverse("kpis:quarter_entry", args=[slug]))
    return sorted(
        sections.values(), key=lambda s: (s["organisation"].name.lower(), s["organisation"].pk)
    )


def missing_measurements(user, orgs, today):
    """The user's KPIs (in ``orgs``) without a value for the last finished quarter; yearly
    KPIs only in the first quarter, for the year just ended. Each has ``period_label``."""
    year, quarter = last_finished_quarter(today)
    quarterly = Measurement.objects.filter(kpi=OuterRef("pk"), year=year, quarter=quarter)
    wanted = Q(frequency=Frequency.QUARTERLY) & ~Exists(quarterly)
    if quarter == 4:
        yearly = Measurement.objects.filter(kpi=OuterRef("pk"), year=year, quarter__isnull=True)
        wanted |= Q(frequency=Frequency.YEARLY) & ~Exists(yearly)
    kpis = (
        Kpi.objects.filter(owner=user, organisation_id__in=orgs)
        .filter(wanted)
        .exclude(baseline_date__gt=quarter_end(year, quarter))
        .select_related("organisation")
        .order_by("name", "pk")
    )
    result = list(kpis)
    for kpi in result:
        kpi.missing_label = (
            str(year)
            if kpi.frequency == Frequency.YEARLY
            else _("K%(quarter)s %(year)s") % {"quarter": quarter, "year": year}
        )
    return result


def send_reminder_email(user, today=None):
    """Send the person's weekly reminder in their language. False (and nothing sent) when
    they should not get one or there is nothing to say."""
    if not (user.is_active and user.weekly_reminders):
        return False
    today = today or timezone.localdate()
    with translation.override(user.preferred_language):
        sections = reminder_sections(user, today)
        if not sections:
            return False
        context = {
            "user": user,
            "sections": sections,
            "today": today,
            "soon_days": SOON_DAYS,
            "settings_url": _site_url(reverse("account_settings")),
        }
        subject = _("Koers: uw acties en KPI's in week %(week)s") % {
            "week": today.isocalendar().week
        }
        text = render_to_string("plans/email/weekly_reminder.txt", context)
        html = render_to_string("plans/email/weekly_reminder.html", context)
    message = EmailMultiAlternatives(subject, text, None, [user.email])
    message.attach_alternative(html, "text/html")
    message.send()
    return True
