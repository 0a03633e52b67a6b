from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MvoConfig(AppConfig):
    name = "mvo"
    verbose_name = _("Kern: organisaties en gebruikers")
