"""Showing a frozen plan version (plans.snapshot) in a template: values, labels and changes,
read from the snapshot itself and never from today's models."""

from django import template

from .. import services, snapshot

register = template.Library()


@register.filter
def local(value):
    """A ``{"nl", "en"}`` text of a snapshot in the active language."""
    return snapshot.local(value) or ""


@register.simple_tag
def cell(row, column):
    """The value of ``column`` in ``row`` as text ("" when the row has none)."""
    return snapshot.show((row.get("cells") or {}).get(column.get("key")), column.get("type"))


@register.simple_tag
def shown(value, column):
    """One snapshot value of ``column`` as text (an old or new value of a change)."""
    return snapshot.show(value, column.get("type"))


@register.simple_tag
def row_name(part, row):
    """What a row is called: its first column, as text; its id when that is empty."""
    columns = part.get("columns") or []
    if not columns:
        return row.get("id", "")
    value = (row.get("cells") or {}).get(columns[0].get("key"))
    return snapshot.show(value, columns[0].get("type")) or row.get("id", "")


@register.filter
def filled(row, part):
    """The columns of ``part`` that have a value in ``row``: what an added or removed row
    shows (in a table all but the first, which names the row)."""
    cells = row.get("cells") or {}
    columns = part.get("columns") or []
    if part.get("layout") != "fields":
        columns = columns[1:]
    return [c for c in columns if cells.get(c.get("key")) not in (None, "")]


@register.filter
def words(change):
    """A change of a long text, word by word ([(kind, text)]), for the diff partial."""
    old = snapshot.show(change.get("old"), "longtext")
    new = snapshot.show(change.get("new"), "longtext")
    return services.text_diff(old, new)


@register.filter
def is_long(column):
    return column.get("type") == "longtext"
