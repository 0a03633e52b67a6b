"""The tenancy guard: one place that resolves the organisation and the membership.

Every URL with an ``org_slug`` argument (all of ``/o/<slug>/...``) passes here before its view
runs. An anonymous visitor is sent to the login page; a user who is not a member gets the same
404 as for an organisation that does not exist; a member whose role is too low gets 403.

By default reading (GET/HEAD) needs the role ``viewer`` and writing (any other method) needs
``member``. A view asks for more with the ``org_roles`` decorator (or, for a class-based view,
the attributes ``read_role`` / ``write_role``).
"""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Membership, Role

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def org_roles(read=Role.VIEWER, write=Role.MEMBER):
    """Declare the minimum role a view needs to read and to write."""
    if Role.rank(write) < Role.rank(Role.MEMBER):
        raise ValueError("Writing needs at least the member role.")

    def decorate(view):
        view.read_role = read
        view.write_role = write
        return view

    return decorate


def required_role(view_func, method):
    view = getattr(view_func, "view_class", view_func)
    if method in SAFE_METHODS:
        return getattr(view, "read_role", Role.VIEWER)
    return getattr(view, "write_role", Role.MEMBER)


class OrganisationGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.organisation = None
        request.membership = None
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("org_slug")
        if slug is None:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        membership = (
            Membership.objects.select_related("organisation")
            .filter(user=request.user, organisation__slug=slug)
            .first()
        )
        if membership is None:
            raise Http404
        if not membership.has_role(required_role(view_func, request.method)):
            raise PermissionDenied
        request.organisation = membership.organisation
        request.membership = membership
        if request.session.get("last_org") != slug:  # write the session only on a change
            request.session["last_org"] = slug
        return None
