from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "procurement"
    verbose_name = _("Inkoop (MVOI)")

    def ready(self):
        # What MVOI adds to plans, the approved snapshot, the quarterly report and the
        # dashboard goes through plans.registry (ARCHITECTURE.md: plans never imports us).
        from . import providers

        providers.register()
