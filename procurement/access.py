"""Who may see and change what in MVOI, in one place.

- Every page of an MVOI plan loads the plan through ``get_mvoi_plan``: another organisation's
  plan, or a plan of another method, is a 404.
- Everyone in the organisation reads; members and admins change (mvo.guard: writing needs
  the member role). A product group's owner (a budget holder who fills in its kansenkaart)
  is therefore a member.
"""

from django.shortcuts import get_object_or_404

from plans.models import Method, Plan


def get_mvoi_plan(request, pk):
    """The organisation's MVOI plan ``pk``, or 404."""
    plan = get_object_or_404(
        Plan.objects.for_org(request.organisation).filter(method=Method.MVOI), pk=pk
    )
    plan.organisation = request.organisation
    return plan
