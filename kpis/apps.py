from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpisConfig(AppConfig):
    name = "kpis"
    verbose_name = _("KPI's en metingen")

    def ready(self):
        from mvo import ownership

        from .models import Kpi

        ownership.register(_("KPI's"), Kpi, "owner")
