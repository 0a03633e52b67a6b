"""Who may see what in due diligence, in one place.

- Every page of a due-diligence plan loads the plan through ``get_dd_plan``: another
  organisation's plan, or a plan of another method, is a 404.
- The content of grievances (and their evidence) is for grievance handlers only
  (``Membership.handles_grievances``, set by an admin on the members page); everyone else in
  the organisation sees counts by status. Changing a grievance also needs the member role.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from plans.models import Method, Plan


def get_dd_plan(request, pk):
    """The organisation's due-diligence plan ``pk``, or 404."""
    plan = get_object_or_404(
        Plan.objects.for_org(request.organisation).filter(method=Method.DUE_DILIGENCE), pk=pk
    )
    plan.organisation = request.organisation
    return plan


def handles_grievances(request):
    membership = getattr(request, "membership", None)
    return bool(membership and membership.handles_grievances)


def grievance_handler_required(view):
    """403 for anyone in the organisation without the grievance-handler permission."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not handles_grievances(request):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
