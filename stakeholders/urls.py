from django.urls import path
from django.utils.translation import gettext_lazy as _

from mvo.views import ComingSoonView

app_name = "stakeholders"

urlpatterns = [
    path("", ComingSoonView.as_view(area=_("Stakeholders")), name="index"),
]
