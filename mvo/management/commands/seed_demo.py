from dataclasses import dataclass, field
from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from mvo.demo import DEMO_PASSWORD


@dataclass
class DemoContext:
    """What the apps' seed functions share: the demo organisations and the logins to print."""

    organisations: dict = field(default_factory=dict)
    logins: list = field(default_factory=list)


class Command(BaseCommand):
    help = "Fill the database with demo organisations, people and data (idempotent)."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError(
                "seed_demo weigert te draaien in productie (ENVIRONMENT=production): "
                "demo-accounts met een bekend wachtwoord horen daar niet."
            )
        demo = DemoContext()
        with transaction.atomic():
            for config in apps.get_app_configs():
                module_name = f"{config.name}.demo"
                if find_spec(config.name) and find_spec(module_name):
                    import_module(module_name).seed(demo)
        self.stdout.write(self.style.SUCCESS("Demo-gegevens staan klaar."))
        self.stdout.write(f"Wachtwoord voor alle demo-accounts: {DEMO_PASSWORD}")
        width = max(len(email) for email, _org, _role in demo.logins)
        for email, org, role in demo.logins:
            self.stdout.write(f"  {email:<{width}}  {org:<20} {role}")
