"""A person's own pages outside any organisation: the private calendar link and its feed.
Included at the site root from mvo/urls.py."""

from django.urls import path

from .views import feeds

urlpatterns = [
    path("account/agenda/", feeds.calendar_page, name="calendar"),
    path("account/agenda/vernieuwen/", feeds.calendar_renew, name="calendar_renew"),
    path("account/agenda/uitzetten/", feeds.calendar_revoke, name="calendar_revoke"),
    path("agenda/<str:token>.ics", feeds.calendar_feed, name="calendar_feed"),
]
