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
BATCH = 2000


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
                    history_change_reason=None,
                    **{attname: getattr(row, attname) for attname in fields},
                )
            )
            if len(batch) >= BATCH:
                historical.objects.bulk_create(batch)
                batch = []
        if batch:
            historical.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [
        ("kpis", "0004_history"),
        ("themes", "0005_history"),
        ("plans", "0004_history_and_approval"),
    ]

    operations = [migrations.RunPython(first_records, migrations.RunPython.noop)]
