from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST, require_safe

from . import ownership, services
from .forms import (
    AccountSettingsForm,
    HandOverForm,
    InvitationSignupForm,
    InviteForm,
    MembershipForm,
    OrganisationForm,
)
from .guard import org_roles
from .models import Invitation, Membership, Role
from .versioning import EditConflict


@require_safe
def favicon(request):
    return redirect(static("favicon.svg"), permanent=True)


@require_POST
def set_language(request):
    """Django's language switch, and for a logged-in person the choice kept on the account."""
    response = i18n.set_language(request)
    code = request.POST.get("language")
    if request.user.is_authenticated and code in dict(settings.LANGUAGES):
        request.user.language = code
        request.user.save(update_fields=["language"])
    return response


@login_required
def account_settings(request):
    """The person's own settings: language and the weekly reminder e-mail."""
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        translation.activate(form.instance.language)  # the message below in the new language
        messages.success(request, _("Uw instellingen zijn opgeslagen."))
        response = redirect("account_settings")
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            form.instance.language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        return response
    return render(request, "mvo/account_settings.html", {"form": form})


@login_required
def home(request):
    """Send a user to the organisation they used last, or let them choose."""
    memberships = list(request.user.memberships.for_menu())
    slugs = {m.organisation.slug for m in memberships}
    last = request.session.get("last_org")
    if last in slugs:
        return redirect("reports:dashboard", org_slug=last)
    if len(memberships) == 1:
        return redirect("reports:dashboard", org_slug=memberships[0].organisation.slug)
    return render(request, "mvo/choose_organisation.html", {"memberships": memberships})


@require_safe
def members(request, org_slug):
    context = {
        "members": Membership.objects.for_org(request.organisation).with_users(),
        "invitations": Invitation.objects.for_org(request.organisation)
        .open()
        .select_related("invited_by"),
        "roles": Role.choices,
    }
    if request.membership.is_admin:
        context["former_owners"] = ownership.former_owners(request.organisation)
        if context["former_owners"]:
            successors = HandOverForm(organisation=request.organisation).fields["to_user"]
            context["successors"] = list(successors.queryset)
    return render(request, "mvo/members.html", context)


@org_roles(read=Role.ADMIN, write=Role.ADMIN)
def invite(request, org_slug):
    form = InviteForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite_member(
                request.organisation,
                form.cleaned_data["email"],
                form.cleaned_data["role"],
                invited_by=request.user,
                department=form.cleaned_data["department"],
                request=request,
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(
                request, _("Uitnodiging verstuurd naar %(email)s.") % form.cleaned_data
            )
            return redirect("members", org_slug=org_slug)
    return render(request, "mvo/invite.html", {"form": form})


@require_POST
@org_roles(read=Role.ADMIN, write=Role.ADMIN)
def change_member(request, org_slug, pk):
    membership = get_object_or_404(Membership.objects.for_org(request.organisation), pk=pk)
    form = MembershipForm(request.POST, instance=Membership.objects.get(pk=membership.pk))
    if not form.is_valid():
        messages.error(request, _("Kies een geldige rol."))
        return redirect("members", org_slug=org_slug)
    try:
        with transaction.atomic():  # the role and the grievance permission together
            services.change_role(
                membership, form.cleaned_data["role"], form.cleaned_data["department"]
            )
            membership.handles_grievances = form.cleaned_data["handles_grievances"]
            membership.save(update_fields=["handles_grievances"])
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request, _("De gegevens van %(name)s zijn bijgewerkt.") % {"name": membership.user}
        )
    return redirect("members", org_slug=org_slug)


@require_POST
@org_roles(read=Role.ADMIN, write=Role.ADMIN)
def remove_member(request, org_slug, pk):
    membership = get_object_or_404(
        Membership.objects.for_org(request.organisation).select_related("user"), pk=pk
    )
    try:
        services.remove_member(membership)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("members", org_slug=org_slug)
    messages.success(request, _("%(name)s is geen lid meer.") % {"name": membership.user})
    owned = ownership.owned_by(request.organisation, membership.user)
    if owned:
        messages.warning(
            request,
            _("%(name)s is nog eigenaar van: %(things)s. Draag dat hieronder over aan een lid.")
            % {
                "name": membership.user,
                "things": ", ".join(f"{count} {label}" for label, count in owned),
            },
        )
    if membership.user_id == request.user.pk:
        return redirect("home")
    return redirect("members", org_slug=org_slug)


@require_POST
@org_roles(read=Role.ADMIN, write=Role.ADMIN)
def revoke_invitation(request, org_slug, pk):
    invitation = get_object_or_404(Invitation.objects.for_org(request.organisation).open(), pk=pk)
    services.revoke_invitation(invitation)
    messages.success(
        request, _("De uitnodiging voor %(email)s is ingetrokken.") % {"email": invitation.email}
    )
    return redirect("members", org_slug=org_slug)


@require_POST
@org_roles(read=Role.ADMIN, write=Role.ADMIN)
def hand_over(request, org_slug):
    """Give everything a former member still owns to a current member."""
    form = HandOverForm(request.POST, organisation=request.organisation)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, errors[0])
        return redirect("members", org_slug=org_slug)
    moved = ownership.hand_over(
        request.organisation,
        form.cleaned_data["from_user"],
        form.cleaned_data["to_user"],
        by=request.user,
    )
    messages.success(
        request,
        _("Alles van %(old)s is overgedragen aan %(new)s: %(count)s onderdelen.")
        % {
            "count": moved,
            "old": form.cleaned_data["from_user"],
            "new": form.cleaned_data["to_user"],
        },
    )
    return redirect("members", org_slug=org_slug)


@org_roles(read=Role.ADMIN, write=Role.ADMIN)
def organisation_settings(request, org_slug):
    form = OrganisationForm(request.POST or None, instance=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except EditConflict:
            pass
        else:
            messages.success(request, _("De instellingen zijn opgeslagen."))
            return redirect("organisation_settings", org_slug=org_slug)
    return render(request, "mvo/organisation_settings.html", {"form": form})


def accept_invitation(request, token):
    """The link from the invitation e-mail: join, after logging in or creating an account."""
    try:
        invitation = services.load_invitation(token)
    except services.InvitationError as error:
        return _invitation_problem(request, error)
    if request.user.is_authenticated and request.user.email.lower() != invitation.email.lower():
        # Never switch accounts behind someone's back: they log out first, then come back.
        context = {"invitation": invitation, "next": request.path}
        return render(request, "mvo/invitation_other_account.html", context, status=403)
    if not request.user.is_authenticated:
        if not get_user_model().objects.filter(email__iexact=invitation.email).exists():
            return _signup_and_accept(request, invitation)
        messages.info(
            request,
            _("Log in met %(email)s om de uitnodiging te accepteren.")
            % {"email": invitation.email},
        )
        return redirect(f"{reverse('login')}?next={request.path}")
    if request.method == "POST":
        try:
            services.accept_invitation(invitation, request.user)
        except services.InvitationError as error:
            return _invitation_problem(request, error)
        messages.success(request, _("Welkom bij %(org)s.") % {"org": invitation.organisation})
        return redirect("reports:dashboard", org_slug=invitation.organisation.slug)
    return render(request, "mvo/invitation_accept.html", {"invitation": invitation})


def _signup_and_accept(request, invitation):
    form = InvitationSignupForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.register_and_accept(
                invitation, form.cleaned_data["full_name"], form.cleaned_data["password1"]
            )
        except services.InvitationError as error:  # the same link was used a moment earlier
            return _invitation_problem(request, error)
        login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welkom bij %(org)s.") % {"org": invitation.organisation})
        return redirect("reports:dashboard", org_slug=invitation.organisation.slug)
    return render(request, "mvo/invitation_signup.html", {"invitation": invitation, "form": form})


def _invitation_problem(request, error):
    return render(
        request, "mvo/invitation_problem.html", {"message": error.message}, status=error.status
    )
