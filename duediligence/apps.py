from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DuediligenceConfig(AppConfig):
    name = "duediligence"
    verbose_name = _("Due diligence")

    def ready(self):
        # What due diligence adds to plans, the approved snapshot, the quarterly report and
        # the dashboard goes through plans.registry (ARCHITECTURE.md: plans never imports us).
        from . import providers

        providers.register()
