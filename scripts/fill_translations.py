"""Fill empty msgstr entries of locale/<lang>/LC_MESSAGES/django.po from a Python dict file.

Usage: python scripts/fill_translations.py en path/to/dict.py
The dict file defines T = {"Dutch source": "translation", ...}; a plural entry is keyed by
the (singular, plural) pair and maps to a pair. Existing translations stay; fuzzy guesses of
makemessages are replaced when the table has the string, and reported otherwise.
Prints the msgids that are still untranslated.
"""

import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

lang, dict_file = sys.argv[1], sys.argv[2]
table = runpy.run_path(dict_file)["T"]
po_path = Path(__file__).resolve().parent.parent / "locale" / lang / "LC_MESSAGES" / "django.po"
with po_path.open("rb") as f:
    catalog = read_po(f, locale=lang)
catalog.fuzzy = False
missing = []
for message in catalog:
    if not message.id:
        continue
    key = tuple(message.id) if message.pluralizable else message.id
    if key in table and (not any(message.string) or message.fuzzy):
        message.string = table[key]
        message.flags.discard("fuzzy")
    if not all(message.string if message.pluralizable else [message.string]) or message.fuzzy:
        missing.append(message.id)
with po_path.open("wb") as f:
    write_po(f, catalog, width=100, omit_header=False)
for msgid in missing:
    print("untranslated:", repr(msgid))
