from django.urls import path
from django.utils.translation import gettext_lazy as _

from mvo.views import ComingSoonView

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("rapportages/", ComingSoonView.as_view(area=_("Rapportages")), name="index"),
]
