from django.shortcuts import render
from django.views.decorators.http import require_safe

from mvo.models import Membership


@require_safe
def dashboard(request, org_slug):
    """The organisation's home page. For now it shows who is on board and in which role."""
    members = Membership.objects.for_org(request.organisation).with_users()
    return render(request, "reports/dashboard.html", {"members": members})
