"""Requesting, following and downloading reports.

The list page asks for a quarterly report (plan, quarter, language) and shows the
organisation's reports; the detail page shows one report's status card, which polls itself
with htmx while the report waits or is being made; downloads go through an
organisation-checked view that streams the file from the report storage. The pipeline
(reports.pipeline) does the rest. Viewers read and download; requesting and retrying need the
member role (the tenancy guard answers 403 on their POSTs).
"""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from kpis.models import current_quarter, last_finished_quarter, period_label
from mvo.generic import paginate
from plans.models import FIRST_YEAR, LAST_YEAR, Plan, PlanVersion

from . import pipeline
from .models import YEAR_KINDS, Report, ReportKind, ReportStatus
from .rendering import document_provider

PER_PAGE = 25
STOP_POLLING = 286  # htmx stops an every-2s trigger on this status
NOTE_LINKS_SHOWN = 10  # plans listed with a link to write their toelichting first


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.title} ({obj.period_label})"


class ReportRequestForm(forms.Form):
    """What a quarterly report is about. Only the organisation's own plans can be chosen;
    the quarter must lie within the plan's period and have begun."""

    plan = PlanChoiceField(
        label=gettext_lazy("Plan"),
        queryset=Plan.objects.none(),
        empty_label=gettext_lazy("Kies een plan"),
        error_messages={
            "required": gettext_lazy("Kies het plan."),
            "invalid_choice": gettext_lazy("Kies een van de plannen in de lijst."),
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    year = forms.IntegerField(
        label=gettext_lazy("Jaar"),
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "required": gettext_lazy("Vul het jaar in."),
            "invalid": gettext_lazy("Vul het jaar in als getal, bijvoorbeeld 2025."),
            "min_value": gettext_lazy("Kies een jaar tussen 2000 en 2100."),
            "max_value": gettext_lazy("Kies een jaar tussen 2000 en 2100."),
        },
        widget=forms.NumberInput(attrs={"class": "form-control", "inputmode": "numeric"}),
    )
    quarter = forms.TypedChoiceField(
        label=gettext_lazy("Kwartaal"),
        choices=[(q, format_lazy(gettext_lazy("Kwartaal {}"), q)) for q in (1, 2, 3, 4)],
        coerce=int,
        error_messages={
            "required": gettext_lazy("Kies het kwartaal."),
            "invalid_choice": gettext_lazy("Kies kwartaal 1 tot en met 4."),
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Taal van het rapport"),
        choices=settings.LANGUAGES,
        error_messages={
            "required": gettext_lazy("Kies de taal."),
            "invalid_choice": gettext_lazy("Kies Nederlands of Engels."),
        },
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = Plan.objects.for_org(organisation)

    def is_valid(self):
        valid = super().is_valid()
        for name in self.errors:  # the fields with an error say so to the eye and to readers
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] = f"{attrs.get('class', '')} is-invalid".strip()
                attrs["aria-describedby"] = f"{self[name].auto_id}-error"
        return valid

    def clean(self):
        data = super().clean()
        plan, year, quarter = data.get("plan"), data.get("year"), data.get("quarter")
        if plan is None or year is None or quarter is None:
            return data
        if not plan.start_year <= year <= plan.end_year:
            raise ValidationError(
                _("Dit kwartaal valt buiten de looptijd van het plan (%(period)s).")
                % {"period": plan.period_label}
            )
        if (year, quarter) > current_quarter():
            raise ValidationError(
                _("Dit kwartaal is nog niet begonnen; kies een lopend of afgerond kwartaal.")
            )
        return data


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


def detail_url(report):
    return reverse("reports:detail", args=[report.organisation.slug, report.pk])


def org_reports(request):
    """The organisation's reports with what their rows show; an approved version's (large)
    snapshot is not read."""
    return Report.objects.for_org(request.organisation).for_list().defer("version__data")


def user_language(request):
    return getattr(request.user, "preferred_language", settings.LANGUAGE_CODE)


def initial_request(request, organisation):
    """The form's defaults: the last finished quarter, the user's language, and the plan,
    year and quarter given in the address (e.g. from a plan's page), when they make sense."""
    year, quarter = last_finished_quarter()
    initial = {"year": year, "quarter": quarter, "language": user_language(request)}
    params = ReportRequestForm(request.GET, organisation=organisation)
    params.is_valid()  # only the fields that are valid are taken over
    for name in ("plan", "year", "quarter", "language"):
        value = params.cleaned_data.get(name)
        if name in request.GET and value is not None and name not in params.errors:
            initial[name] = value
    return initial


@require_safe
def report_list(request, org_slug):
    return list_page(request)


def list_page(request, form=None, status=200):
    org = request.organisation
    can_write = request.membership.can_write
    plans = list(Plan.objects.for_org(org)[: NOTE_LINKS_SHOWN + 1])
    if form is None and can_write:
        initial = initial_request(request, org)
        if len(plans) == 1:  # the only plan needs no choosing
            initial.setdefault("plan", plans[0])
        form = ReportRequestForm(initial=initial, organisation=org)
    context = {
        "form": form,
        "can_write": can_write,
        "page_obj": paginate(request, org_reports(request), PER_PAGE),
        "note_plans": plans[:NOTE_LINKS_SHOWN],
        "note_plans_more": len(plans) > NOTE_LINKS_SHOWN,
        "default_period": period_label(*last_finished_quarter()),
    }
    return render(request, "reports/report_list.html", context, status=status)


@require_POST
def request_quarterly(request, org_slug):
    org = request.organisation
    form = ReportRequestForm(request.POST, organisation=org)
    if not form.is_valid():
        return list_page(request, form=form)
    data = form.cleaned_data
    report, created = pipeline.request_report(
        org,
        data["plan"],
        kind=ReportKind.QUARTERLY,
        year=data["year"],
        quarter=data["quarter"],
        language=data["language"],
        user=request.user,
    )
    if created:
        messages.success(
            request, _("Het rapport is aangevraagd. Deze pagina laat zien wanneer het klaar is.")
        )
    else:
        messages.info(
            request,
            _("Er loopt al een aanvraag voor dit plan en kwartaal; hier ziet u de voortgang."),
        )
    return HttpResponseRedirect(detail_url(report))


def index(request, org_slug):
    """GET: the form and the list; POST: a request (the guard lets only members post)."""
    if request.method == "POST":
        return request_quarterly(request, org_slug)
    return report_list(request, org_slug)


def get_report(request, pk):
    return get_object_or_404(org_reports(request), pk=pk)


DELAYED_AFTER = timedelta(minutes=2)  # a report still queued by then: the card says why


def sweep_in_process(report):
    """Without a broker (the embedded default) there is no beat to sweep: a report left
    waiting or running past the sweep's limits (the server restarted mid-render, say) is
    swept when its page is looked at, so it still ends klaar or mislukt."""
    if settings.CELERY_TASK_ALWAYS_EAGER and pipeline.is_stale(report):
        pipeline.sweep()
        report.refresh_from_db()
    return report


def status_context(request, report):
    report = sweep_in_process(report)
    delayed = (
        report.status == ReportStatus.QUEUED
        and report.requested_at < timezone.now() - DELAYED_AFTER
    )
    return {"report": report, "can_write": request.membership.can_write, "delayed": delayed}


@require_safe
def detail(request, org_slug, pk):
    report = get_report(request, pk)
    context = status_context(request, report)
    return render(request, "reports/report_detail.html", context)


@require_safe
def status(request, org_slug, pk):
    """The status card alone: what the detail page polls. Once the report is done or failed
    the card it returns no longer polls."""
    report = org_reports(request).filter(pk=pk).first()
    if report is None:
        if request.htmx:  # deleted meanwhile (with its plan): say so, and stop the polling
            return render(request, "reports/partials/report_gone.html", status=STOP_POLLING)
        raise Http404
    return render(request, "reports/partials/report_status.html", status_context(request, report))


@require_safe
def download(request, org_slug, pk):
    report = get_report(request, pk)
    if report.status != ReportStatus.DONE:
        return render(
            request,
            "reports/report_unavailable.html",
            {
                "report": report,
                "reason": _("Dit rapport is nog niet klaar; er is nog niets te downloaden."),
            },
            status=404,
        )
    try:
        if not report.file:
            raise FileNotFoundError(report.file.name)
        handle = report.file.open("rb")
    except OSError:  # FileNotFoundError, or a store that cannot be reached
        return render(
            request,
            "reports/report_unavailable.html",
            {
                "report": report,
                "reason": _(
                    "Het bestand van dit rapport is niet meer te vinden in de opslag. "
                    "Vraag het rapport opnieuw aan om een nieuw bestand te maken."
                ),
            },
            status=410,
        )
    return FileResponse(
        handle,
        as_attachment=True,
        filename=report.download_name(),
        content_type="application/pdf",
    )


@require_POST
def retry(request, org_slug, pk):
    report = get_report(request, pk)
    if report.status != ReportStatus.FAILED:
        messages.info(request, _("Dit rapport is niet mislukt; opnieuw proberen is niet nodig."))
        return HttpResponseRedirect(detail_url(report))
    running = pipeline.retry_report(report, request.user)
    messages.success(request, _("Het rapport wordt opnieuw gemaakt."))
    return HttpResponseRedirect(detail_url(running))


def file_exists(report):
    """Whether the report's file is still in the storage (a lost file is made again)."""
    try:
        return bool(report.file.name) and report.file.storage.exists(report.file.name)
    except OSError:
        return False


@require_POST
def version_pdf(request, org_slug, version_pk):
    """The approved plan version as a PDF: a report of kind ``plan``. A version never changes,
    so a PDF made earlier in the same language is offered instead of making another."""
    org = request.organisation
    version = get_object_or_404(
        PlanVersion.objects.filter(plan__organisation=org).select_related("plan").defer("data"),
        pk=version_pk,
    )
    form = LanguageForm(request.POST)
    language = form.cleaned_data["language"] if form.is_valid() else ""
    language = language or user_language(request)
    key = Report.make_key(ReportKind.PLAN_VERSION, version.plan, version=version, language=language)
    done = (
        Report.objects.for_org(org)
        .filter(key=key, status=ReportStatus.DONE)
        .order_by("-finished_at", "-pk")
        .first()
    )
    if done is not None and file_exists(done):
        messages.info(request, _("Deze versie staat al als PDF klaar."))
        return HttpResponseRedirect(detail_url(done))
    report, created = pipeline.request_report(
        org,
        version.plan,
        kind=ReportKind.PLAN_VERSION,
        version=version,
        language=language,
        user=request.user,
    )
    if created:
        messages.success(
            request, _("De PDF wordt gemaakt. Deze pagina toont vanzelf wanneer hij klaar is.")
        )
    else:
        messages.info(
            request, _("Er loopt al een aanvraag voor deze versie; hier ziet u de voortgang.")
        )
    return HttpResponseRedirect(detail_url(report))


class YearDocumentForm(forms.Form):
    """Which year document (jaarplan, evaluatie) of which year, in which language."""

    kind = forms.ChoiceField(choices=[(kind.value, kind.label) for kind in YEAR_KINDS])
    year = forms.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR)
    language = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


@require_POST
def year_document(request, org_slug, plan_pk):
    """A document of one year of a plan (an MVOI plan's year plan or evaluation), made by the
    ``documents`` provider that a higher app registered for the kind (plans.registry). A plan
    the provider does not serve, or a year outside the plan's period, is a 404."""
    org = request.organisation
    plan = get_object_or_404(Plan.objects.for_org(org), pk=plan_pk)
    form = YearDocumentForm(request.POST)
    if not form.is_valid():
        raise Http404
    kind, year = form.cleaned_data["kind"], form.cleaned_data["year"]
    provider = document_provider(kind)
    accepts = getattr(provider, "accepts", None)
    if provider is None or (accepts and not accepts(plan)):
        raise Http404
    if not plan.start_year <= year <= plan.end_year:
        raise Http404
    report, created = pipeline.request_report(
        org,
        plan,
        kind=kind,
        year=year,
        language=form.cleaned_data["language"] or user_language(request),
        user=request.user,
    )
    if created:
        messages.success(
            request, _("De PDF wordt gemaakt. Deze pagina toont vanzelf wanneer hij klaar is.")
        )
    else:
        messages.info(
            request, _("Er loopt al een aanvraag voor dit document; hier ziet u de voortgang.")
        )
    return HttpResponseRedirect(detail_url(report))
