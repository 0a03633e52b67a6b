"""Database expressions for theme data, so lists and exports can sort and export theme names
without turning every row into a model object."""

from django.db.models import CharField, Value
from django.db.models.functions import Coalesce, NullIf

from mvo.i18n import language_suffix


def theme_name(path):
    """The name of the theme at ``path`` (e.g. "theme" from a KPI, "themes" from a dialogue):
    the organisation's own name, or the framework theme's name in the active language."""
    return Coalesce(
        NullIf(f"{path}__own_name", Value("")),
        f"{path}__framework_theme__name_{language_suffix()}",
        output_field=CharField(),
    )


def person_name(path):
    """A user's full name, or the e-mail address when no name was given."""
    return Coalesce(
        NullIf(f"{path}__full_name", Value("")), f"{path}__email", output_field=CharField()
    )
