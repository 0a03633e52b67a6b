"""Evidence files: what may be uploaded, and attaching a file to its owner.

A file is accepted when it is at most MAX_BYTES, its extension is on the allowlist and its
first bytes match that kind of file (so a script renamed to .pdf is refused). The stored name is
random; the name the person chose is kept only for the download.
"""

import os
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Evidence

MAX_BYTES = 10 * 1024 * 1024
# extension: (content type, the first bytes a file of that kind starts with)
ZIP = (b"PK\x03\x04",)
ALLOWED = {
    ".pdf": ("application/pdf", (b"%PDF-",)),
    ".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP,
    ),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ZIP),
    ".pptx": (
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ZIP,
    ),
    ".odt": ("application/vnd.oasis.opendocument.text", ZIP),
    ".ods": ("application/vnd.oasis.opendocument.spreadsheet", ZIP),
    ".txt": ("text/plain", None),  # any bytes, but it must read as UTF-8 text
    ".csv": ("text/csv", None),
}
ALLOWED_LABEL = "PDF, PNG, JPG, DOCX, XLSX, PPTX, ODT, ODS, TXT, CSV"


def check_file(uploaded):
    """Raise ValidationError (Dutch message) for a file that may not be stored."""
    if uploaded is None:
        raise ValidationError(_("Kies een bestand."))
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("Het bestand is groter dan %(mb)s MB.") % {"mb": MAX_BYTES // (1024 * 1024)}
        )
    if uploaded.size == 0:
        raise ValidationError(_("Het bestand is leeg."))
    extension = os.path.splitext(uploaded.name or "")[1].lower()
    if extension not in ALLOWED:
        raise ValidationError(
            _("Dit soort bestand kan niet worden toegevoegd. Toegestaan: %(kinds)s.")
            % {"kinds": ALLOWED_LABEL}
        )
    _content_type, signatures = ALLOWED[extension]
    uploaded.seek(0)
    head = uploaded.read(2048)
    uploaded.seek(0)
    if signatures is None:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if len(head) < 2048 or not _cut_in_character(head):
                message = _("Dit tekstbestand is geen leesbare tekst (UTF-8).")
                raise ValidationError(message) from error
    elif not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("De inhoud van het bestand past niet bij de extensie %(extension)s.")
            % {"extension": extension}
        )


def _cut_in_character(head):
    """A 2 KB slice may end in the middle of a multi-byte character."""
    for cut in range(1, 4):
        try:
            head[:-cut].decode("utf-8")
            return True
        except UnicodeDecodeError:
            continue
    return False


def display_name(name):
    """The chosen file name without folders or control characters, at most 200 characters."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()).strip() or "bestand"
    stem, extension = os.path.splitext(base)
    return stem[: 200 - len(extension)] + extension


def attach(uploaded, *, user, **owner):
    """Store a checked file and return its Evidence row. ``owner`` is exactly one of
    ``policy_version=``, ``monitoring=`` or ``grievance=``. Call check_file first (the form
    does)."""
    (target,) = owner.values()
    extension = os.path.splitext(uploaded.name)[1].lower()
    evidence = Evidence(
        organisation_id=target.organisation_id,
        name=display_name(uploaded.name),
        content_type=ALLOWED[extension][0],
        size=uploaded.size,
        uploaded_by=user,
        **owner,
    )
    evidence.file.save(f"{secrets.token_hex(16)}{extension}", uploaded, save=False)
    evidence.save()
    return evidence
