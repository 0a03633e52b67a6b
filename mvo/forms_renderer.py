"""The form renderer: Django's own, with the templates in mvo/form_templates/ first.

That folder holds one override, the <select> widget (see its comment): long choice lists of
suppliers, items, risks and KPIs would otherwise spend most of a page's time on rendering
their options.
"""

from pathlib import Path

import django.forms
from django.forms.renderers import DjangoTemplates
from django.utils.functional import cached_property

OVERRIDES = Path(__file__).resolve().parent / "form_templates"


class FormRenderer(DjangoTemplates):
    @cached_property
    def engine(self):
        return self.backend(
            {
                "APP_DIRS": True,
                "DIRS": [OVERRIDES, Path(django.forms.__file__).parent / "templates"],
                "NAME": "koersforms",
                "OPTIONS": {},
            }
        )
