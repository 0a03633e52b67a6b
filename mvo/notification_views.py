"""The signed-in person's notifications in an organisation: the list, opening one, and
marking them all read. Every role may use these pages: the rows are the person's own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .generic import paginate
from .models import Membership, Notification
from .notifications import body_for, local_path, title_for

PER_PAGE = 25


def mine(request):
    return Notification.objects.for_user(request.user, request.organisation)


@require_safe
def notifications(request, org_slug):
    """Newest first, 25 a page; unread ones marked. The unread count comes with the menu."""
    page = paginate(request, mine(request), PER_PAGE)
    language = "en" if (translation.get_language() or "").startswith("en") else "nl"
    page.object_list = list(page.object_list)
    for notification in page.object_list:
        notification.shown_title = title_for(notification, language)
        notification.shown_body = body_for(notification, language)
    return render(request, "mvo/notifications.html", {"page_obj": page})


@require_safe
def notification_open(request, org_slug, pk):
    """Mark one of the person's own notifications read and go to what it is about (a link,
    also from the e-mail; reading it twice changes nothing)."""
    notification = get_object_or_404(mine(request), pk=pk)
    if notification.read_at is None:
        mine(request).filter(pk=pk, read_at__isnull=True).update(read_at=timezone.now())
    return redirect(local_path(notification.url) or reverse("notifications", args=[org_slug]))


@require_POST
@login_required
def notifications_read(request):
    """Mark all of the person's notifications in one organisation read (posted: its slug).

    It lives outside /o/<slug>/ because the guard lets read-only members post nothing
    there, while these rows are their own."""
    slug = request.POST.get("organisation", "")
    rows = Notification.objects.filter(user=request.user, organisation__slug=slug)
    count = rows.filter(read_at__isnull=True).update(read_at=timezone.now())
    if not Membership.objects.filter(user=request.user, organisation__slug=slug).exists():
        return redirect("home")
    if count:
        messages.success(request, _("Alle meldingen zijn gelezen."))
    return redirect("notifications", org_slug=slug)
