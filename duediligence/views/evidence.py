"""Evidence files: downloaded only through here, after the organisation check (another
organisation's file is a 404, like one that does not exist) and, for the evidence of a
grievance, the grievance-handler permission.

Someone of the organisation without that permission gets 403 for a grievance's file, not
404: they already see that grievances exist (the counts), just not their content, and a
clear "not allowed" helps more than a "not found".
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from mvo.models import Role

from .. import services_policy
from ..access import handles_grievances
from ..models import Evidence


def get_evidence(request, pk):
    """The organisation's evidence file ``pk`` that this person may see, or 404 / 403."""
    row = get_object_or_404(
        Evidence.objects.for_org(request.organisation).select_related("policy_version__policy"),
        pk=pk,
    )
    if row.grievance_id and not handles_grievances(request):
        raise PermissionDenied
    return row


@require_safe
def download(request, org_slug, pk):
    row = get_evidence(request, pk)
    try:
        handle = row.file.open("rb")
    except (FileNotFoundError, OSError):
        return render(request, "duediligence/evidence_gone.html", {"evidence": row}, status=410)
    response = FileResponse(
        handle, as_attachment=True, filename=row.name, content_type=row.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def owner_url(request, row):
    """The page the file belongs to (or the due-diligence start page if that is not built)."""
    slug = request.organisation.slug
    if row.policy_version_id:
        target = ("duediligence:policy", {"pk": row.policy_version.policy.plan_id})
    elif row.monitoring_id:
        target = ("duediligence:monitoring_detail", {"pk": row.monitoring_id})
    else:
        target = ("duediligence:grievance", {"pk": row.grievance_id})
    try:
        return reverse(target[0], kwargs={"org_slug": slug, **target[1]})
    except NoReverseMatch:
        return reverse("duediligence:index", kwargs={"org_slug": slug})


@require_http_methods(["GET", "HEAD", "POST"])
def delete(request, org_slug, pk):
    """GET asks for confirmation; POST deletes the file (members; for a grievance's file
    grievance handlers only). ``next`` may say where to go back to (this site only)."""
    row = get_evidence(request, pk)
    back = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = owner_url(request, row)
    if request.method == "POST":
        services_policy.delete_evidence(row)
        messages.success(request, _("Het bestand is verwijderd."))
        return HttpResponseRedirect(back)
    context = {"object": row, "cancel_url": back, "next": back}
    return render(request, "duediligence/evidence_confirm_delete.html", context)


delete.read_role = Role.MEMBER
delete.write_role = Role.MEMBER

urlpatterns = [
    path("bewijs/<int:pk>/", download, name="evidence"),
    path("bewijs/<int:pk>/verwijderen/", delete, name="evidence_delete"),
]
