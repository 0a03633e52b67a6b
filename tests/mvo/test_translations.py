"""Every Dutch source string has an English translation."""

from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings


def test_english_catalogue_is_complete():
    path = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    messages = [m for m in catalog if m.id]
    assert len(messages) > 100
    untranslated = [m.id for m in messages if not m.string or m.fuzzy]
    assert untranslated == []


def test_compiled_catalogue_is_used():
    from django.utils.translation import gettext, override

    with override("en"):
        assert gettext("Inkoop (MVOI)") == "Procurement (MVOI)"
