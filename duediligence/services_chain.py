"""Writes of the value chain (2A) that touch many rows: the Excel import, all or nothing."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import ngettext_lazy

from mvo import history
from mvo.spreadsheet import ImportRowsError, import_summary
from plans import approval

from . import chain_import
from .models import Item, Sourcing, Supplier

BATCH = 500  # rows per INSERT statement
UPDATE_BATCH = 200  # rows per UPDATE (bulk_update writes a CASE per field)

SUPPLIER_FIELDS = ["country", "tier", "has_contract", "certifications", "code_of_conduct_signed"]
ITEM_FIELDS = ["kind", "volume", "unit", "spend"]


@dataclass
class ImportResult:
    suppliers_added: int = 0
    suppliers_updated: int = 0  # already in the plan under the same name, and changed
    suppliers_unchanged: int = 0  # already in the plan just as the file says
    items_added: int = 0
    items_updated: int = 0
    items_unchanged: int = 0
    links_added: int = 0  # new sourcing rows (supplier and/or origin of a product)
    origins_filled: int = 0  # an existing link of unknown origin that now has its country


def _apply(row, fields, names):
    """Put the file's values on an existing row; the names of the fields that changed."""
    changed = []
    for name in names:
        if name in fields and getattr(row, name) != fields[name]:
            setattr(row, name, fields[name])
            changed.append(name)
    return tuple(changed)


def _bulk_update(model, changes):
    """Write ``changes`` ({changed field names: rows}) with the version bumped: one batch of
    UPDATEs per combination of fields (at most a few), each naming only those fields: the
    cost of bulk_update's CASE grows with every field it writes."""
    for names, rows in changes.items():
        model.objects.bulk_update(rows, [*names, "version"], batch_size=UPDATE_BATCH)


def import_chain(plan, chain_file, user):
    """Add or update the suppliers and products read from an xlsx
    (duediligence.chain_import.read_file) in the plan, all or nothing: every row is checked
    first; if any is wrong, ImportRowsError lists the messages and nothing is saved.

    A supplier or product with a name already in the plan (case and spaces ignored) is
    updated with the cells the file fills in. Each product row with a supplier or an origin
    country adds that link of the chain, unless the product already has it; an existing link
    to the same supplier of unknown origin gets the country instead. The plan's rows are read
    once, locked, and written in batches: the number of queries does not grow with the rows.
    Returns an ImportResult."""
    result = ImportResult()
    with transaction.atomic():
        suppliers = {
            chain_import.fold(supplier.name): supplier
            for supplier in Supplier.objects.select_for_update().filter(plan=plan)
        }
        items = {
            chain_import.fold(item.name): item
            for item in Item.objects.select_for_update().filter(plan=plan)
        }
        checked = chain_import.check(chain_file, suppliers, items)
        if checked.errors:
            raise ImportRowsError(checked.errors)

        new_suppliers, changed_suppliers, changes = [], [], {}
        for line in checked.suppliers:
            supplier = suppliers.get(chain_import.fold(line.name))
            if supplier is None:
                supplier = Supplier(
                    organisation_id=plan.organisation_id, plan=plan, name=line.name, **line.fields
                )
                new_suppliers.append(supplier)
                suppliers[chain_import.fold(line.name)] = supplier
            elif names := _apply(supplier, line.fields, SUPPLIER_FIELDS):
                supplier.version += 1  # an edit form open on it is told, not overwritten
                changed_suppliers.append(supplier)
                changes.setdefault(names, []).append(supplier)
            else:
                result.suppliers_unchanged += 1
        Supplier.objects.bulk_create(new_suppliers, batch_size=BATCH)
        _bulk_update(Supplier, changes)
        result.suppliers_added = len(new_suppliers)
        result.suppliers_updated = len(changed_suppliers)

        new_items, changed_items, changes = [], [], {}
        for line in checked.items:
            item = items.get(chain_import.fold(line.name))
            if item is None:
                item = Item(
                    organisation_id=plan.organisation_id, plan=plan, name=line.name, **line.fields
                )
                new_items.append(item)
                items[chain_import.fold(line.name)] = item
            elif names := _apply(item, line.fields, ITEM_FIELDS):
                item.version += 1
                changed_items.append(item)
                changes.setdefault(names, []).append(item)
            else:
                result.items_unchanged += 1
        Item.objects.bulk_create(new_items, batch_size=BATCH)
        _bulk_update(Item, changes)
        result.items_added = len(new_items)
        result.items_updated = len(changed_items)

        new_links, filled = _links(plan, checked.items, items, suppliers)
        Sourcing.objects.bulk_create(new_links, batch_size=BATCH)
        Sourcing.objects.bulk_update(filled, ["origin_country"], batch_size=UPDATE_BATCH)
        result.links_added, result.origins_filled = len(new_links), len(filled)

        history.record(Supplier, new_suppliers, history.CREATED, user)
        history.record(Supplier, changed_suppliers, history.CHANGED, user)
        history.record(Item, new_items, history.CREATED, user)
        history.record(Item, changed_items, history.CHANGED, user)
        history.record(Sourcing, new_links, history.CREATED, user)
        history.record(Sourcing, filled, history.CHANGED, user)
        if new_suppliers or changed_suppliers or new_items or changed_items or new_links or filled:
            approval.content_changed({plan.pk}, user)
    return result


def _links(plan, lines, items, suppliers):
    """(new Sourcing rows, existing ones whose unknown origin is now filled in) for the links
    the file names. The existing links of the plan come in one query."""
    existing = {}
    for link in Sourcing.objects.filter(item__plan=plan).order_by("pk"):
        existing.setdefault(link.item_id, []).append(link)
    new_links, filled = [], []
    for line in lines:
        item = items[chain_import.fold(line.name)]
        have = existing.setdefault(item.pk, [])
        for supplier_key, origin in line.links:
            supplier_id = suppliers[supplier_key].pk if supplier_key else None
            same_supplier = [link for link in have if link.supplier_id == supplier_id]
            if any(link.origin_country == origin for link in same_supplier):
                continue  # the chain has this link already
            if not origin and same_supplier:
                continue  # the supplier is known already; nothing to add
            gap = next((link for link in same_supplier if not link.origin_country), None)
            if gap is not None:
                gap.origin_country = origin
                if gap.pk:
                    filled.append(gap)
                continue
            link = Sourcing(
                organisation_id=plan.organisation_id,
                item=item,
                supplier_id=supplier_id,
                origin_country=origin,
            )
            have.append(link)
            new_links.append(link)
    return new_links, filled


def describe(result):
    """What the import did, in one sentence for the message after it."""
    return import_summary(
        [
            (
                result.suppliers_added,
                ngettext_lazy("%(n)s leverancier toegevoegd", "%(n)s leveranciers toegevoegd", "n"),
            ),
            (
                result.suppliers_updated,
                ngettext_lazy(
                    "%(n)s leverancier bestond al en is bijgewerkt",
                    "%(n)s leveranciers bestonden al en zijn bijgewerkt",
                    "n",
                ),
            ),
            (
                result.suppliers_unchanged,
                ngettext_lazy(
                    "%(n)s leverancier stond al zo in het plan",
                    "%(n)s leveranciers stonden al zo in het plan",
                    "n",
                ),
            ),
            (
                result.items_added,
                ngettext_lazy("%(n)s product toegevoegd", "%(n)s producten toegevoegd", "n"),
            ),
            (
                result.items_updated,
                ngettext_lazy(
                    "%(n)s product bestond al en is bijgewerkt",
                    "%(n)s producten bestonden al en zijn bijgewerkt",
                    "n",
                ),
            ),
            (
                result.items_unchanged,
                ngettext_lazy(
                    "%(n)s product stond al zo in het plan",
                    "%(n)s producten stonden al zo in het plan",
                    "n",
                ),
            ),
            (
                result.links_added,
                ngettext_lazy(
                    "%(n)s herkomstregel toegevoegd", "%(n)s herkomstregels toegevoegd", "n"
                ),
            ),
            (
                result.origins_filled,
                ngettext_lazy(
                    "bij %(n)s herkomstregel is het land van herkomst ingevuld",
                    "bij %(n)s herkomstregels is het land van herkomst ingevuld",
                    "n",
                ),
            ),
        ]
    )
