"""Saving the quarter's toelichting: the note and all its theme and goal texts, or nothing."""

from django.db import transaction

from .models import NoteTexts, QuarterNoteItem


def save_quarter_note(note_form, item_forms, user):
    """Save the overall note and every item form in one transaction.

    Raises mvo.versioning.EditConflict (from the note form) when someone else saved the note
    meanwhile, and IntegrityError when someone created the same quarter's note a moment
    earlier; then nothing is saved.
    """
    with transaction.atomic():
        note_form.instance.updated_by = user
        note = note_form.save()
        existing = {
            (item.theme_id, item.goal_id): item
            for item in QuarterNoteItem.objects.filter(note=note)
        }
        for form in item_forms:
            subject = form.subject
            key = (subject.pk, None) if form.kind == "theme" else (None, subject.pk)
            item = existing.get(key)
            texts = {name: form.cleaned_data[name] for name in NoteTexts.TEXT_FIELDS}
            if form.is_empty():
                if item is not None:
                    item.delete()
                continue
            if item is None:
                item = QuarterNoteItem(note=note, theme_id=key[0], goal_id=key[1])
            elif item.texts() == texts:
                continue
            for name, value in texts.items():
                setattr(item, name, value)
            item.save()
    return note
