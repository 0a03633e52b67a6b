from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


def remove_report_file(sender, instance, **kwargs):
    """A deleted report row (its plan deleted, say) takes its file along, once committed."""
    if instance.file.name:
        storage, name = instance.file.storage, instance.file.name
        transaction.on_commit(lambda: storage.delete(name), robust=True)


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Dashboard en rapportages")

    def ready(self):
        from .models import Report

        post_delete.connect(remove_report_file, sender=Report, dispatch_uid="report-file")
