from django.urls import path
from django.utils.translation import gettext_lazy as _

from mvo.views import ComingSoonView

from . import note_views, views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "rapportages/toelichting/<int:plan_pk>/<int:year>/<int:quarter>/",
        note_views.quarter_note,
        name="note",
    ),
    path("rapportages/", ComingSoonView.as_view(area=_("Rapportages")), name="index"),
]
