"""Root URLs. Everything of an organisation lives under /o/<org_slug>/ and passes the guard."""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import notification_views, views
from .forms import EmailAuthenticationForm

org_patterns = [
    path("", include("reports.urls")),
    path("leden/", views.members, name="members"),
    path("leden/uitnodigen/", views.invite, name="invite"),
    path("leden/<int:pk>/wijzigen/", views.change_member, name="change_member"),
    path("leden/<int:pk>/verwijderen/", views.remove_member, name="remove_member"),
    path("leden/overdragen/", views.hand_over, name="hand_over"),
    path("uitnodigingen/<int:pk>/intrekken/", views.revoke_invitation, name="revoke_invitation"),
    path("instellingen/", views.organisation_settings, name="organisation_settings"),
    path("meldingen/", notification_views.notifications, name="notifications"),
    path("meldingen/<int:pk>/", notification_views.notification_open, name="notification_open"),
    path("plannen/", include("plans.urls")),
    path("themas/", include("themes.urls")),
    path("kpis/", include("kpis.urls")),
    path("stakeholders/", include("stakeholders.urls")),
    path("due-diligence/", include("duediligence.urls")),
    path("inkoop/", include("procurement.urls")),
]

account_patterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("instellingen/", views.account_settings, name="account_settings"),
    path(
        "meldingen/gelezen/",
        notification_views.notifications_read,
        name="notifications_read",
    ),
    path("wachtwoord/wijzigen/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("wachtwoord/vergeten/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord/vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "wachtwoord/nieuw/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord/nieuw/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

urlpatterns = [
    path("", views.home, name="home"),
    # Browsers ask for /favicon.ico on pages without the icon link (a PDF, a download).
    path("favicon.ico", views.favicon),
    path("account/", include(account_patterns)),
    path("", include("plans.account_urls")),  # account/agenda/ and agenda/<token>.ics
    path("uitnodiging/<str:token>/", views.accept_invitation, name="accept_invitation"),
    path("o/<slug:org_slug>/", include(org_patterns)),
    # The public grievance intake: no login, not under /o/ (the guard does not apply).
    path("meld/<slug:public_slug>/", include("duediligence.public_urls")),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("django-beheer/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_files

    urlpatterns += serve_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
