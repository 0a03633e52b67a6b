"""The year's documents of an MVOI plan: per year of its period the year plan and the
evaluation as PDFs, with the state of the newest request of each and a download link.

The buttons post to ``reports:year_document`` (the reports app makes the PDF through its
pipeline, with procurement.documents building the content); everyone in the organisation
sees the page and downloads, requesting needs the member role (as for quarterly reports).
"""

from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_safe

from ..access import get_mvoi_plan


@require_safe
def documents(request, org_slug, pk):
    plan = get_mvoi_plan(request, pk)
    return render(
        request,
        "procurement/documents_list.html",
        {"plan": plan, "can_write": request.membership.can_write},
    )


urlpatterns = [
    path("<int:pk>/documenten/", documents, name="documents"),
]
