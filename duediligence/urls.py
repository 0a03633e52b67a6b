from django.urls import path
from django.utils.translation import gettext_lazy as _

from mvo.views import ComingSoonView

app_name = "duediligence"

urlpatterns = [
    path("", ComingSoonView.as_view(area=_("Due diligence")), name="index"),
]
