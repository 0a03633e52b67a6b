from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.text import slugify

from mvo import services
from mvo.models import Organisation


class Command(BaseCommand):
    help = "Create an organisation and invite its first admin (prints the invitation link)."

    def add_arguments(self, parser):
        parser.add_argument("name")
        parser.add_argument("admin_email")
        parser.add_argument("--slug", default="")
        parser.add_argument(
            "--kind", choices=Organisation.Kind.values, default=Organisation.Kind.COMPANY
        )
        parser.add_argument(
            "--size", choices=Organisation.Size.values, default=Organisation.Size.SME
        )
        parser.add_argument("--sector", default="")
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Address of the site, to print a complete link.",
        )

    def handle(self, *args, **o):
        slug = o["slug"] or slugify(o["name"])
        if Organisation.objects.filter(slug=slug).exists():
            raise CommandError(f"Er bestaat al een organisatie met de korte naam '{slug}'.")
        try:
            org, invitation = services.create_organisation(
                o["name"],
                slug,
                o["admin_email"],
                kind=o["kind"],
                sector=o["sector"],
                size=o["size"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        link = o["base_url"].rstrip("/") + services.invitation_url(invitation)
        self.stdout.write(self.style.SUCCESS(f"Organisatie '{org.name}' aangemaakt ({slug})."))
        self.stdout.write(f"Uitnodiging voor de beheerder {invitation.email}:\n  {link}")
