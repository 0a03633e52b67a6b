"""Stub: filled in by its area."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from mvo.views import ComingSoonView

urlpatterns = [
    path("", ComingSoonView.as_view(area=_("Due diligence")), name="index"),
]
