"""Give every row that existed before the history was switched on one first history record,
so that the first change after the upgrade shows its old value (and edit conflicts can say
what the other person changed)."""

from django.db import migrations
from django.utils import timezone

TRACKED = [
    ("themes", "OrgTheme"),
    ("kpis", "Kpi"),
    ("kpis", "Target"),
    ("kpis", "Measurement"),
    ("plans", "Plan"),
    ("plans", "MissionVision"),
    ("plans", "PlanStep"),
    ("plans", "Goal"),
    ("plans", "Action"),
]
# Many-to-many links recorded with their row (simple-history keeps them in a table of their own).
M2M = {"Plan": ["themes", "kpis"], "OrgTheme": ["sdgs"]}
BATCH = 2000
START = "koers:start"  # mvo.history.HISTORY_START: shown as "where the history starts"


def first_records(apps, schema_editor):
    now = timezone.now()
    for app_label, name in TRACKED:
        model = apps.get_model(app_label, name)
        historical = apps.get_model(app_label, f"Historical{name}")
        fields = [
            f.attname
            for f in historical._meta.concrete_fields
            if not f.name.startswith("history_") and f.attname != "history_id"
        ]
        if historical.objects.exists():  # already has a history: nothing to start
            continue
        batch = []
        for row in model.objects.iterator(chunk_size=BATCH):
            batch.append(
                historical(
                    history_date=now,
                    history_type="+",
                    history_change_reason=START,
                    **{attname: getattr(row, attname) for attname in fields},
                )
            )
            if len(batch) >= BATCH:
                save(apps, app_label, name, model, historical, batch)
                batch = []
        if batch:
            save(apps, app_label, name, model, historical, batch)


def save(apps, app_label, name, model, historical, batch):
    created = historical.objects.bulk_create(batch)
    fields = M2M.get(name)
    if not fields:
        return
    history_of = {record.id: record.history_id for record in created}
    for field_name in fields:
        through = model._meta.get_field(field_name).remote_field.through
        owner = next(
            f.attname
            for f in through._meta.concrete_fields
            if f.is_relation and f.related_model is model
        )
        m2m_history = apps.get_model(app_label, f"Historical{name}_{field_name}")
        attnames = [f.attname for f in through._meta.concrete_fields]
        links = through.objects.filter(**{f"{owner}__in": list(history_of)})
        m2m_history.objects.bulk_create(
            (
                m2m_history(
                    history_id=history_of[getattr(link, owner)],
                    **{attname: getattr(link, attname) for attname in attnames},
                )
                for link in links.iterator(chunk_size=BATCH)
            ),
            batch_size=BATCH,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("kpis", "0004_history"),
        ("themes", "0005_history"),
        ("plans", "0004_history_and_approval"),
    ]

    operations = [migrations.RunPython(first_records, migrations.RunPython.noop)]
