"""Indexes for the history pages: a plan's (or KPI's) records newest first, and a row's
previous record. Plain SQL that both SQLite and PostgreSQL understand; simple-history's
generated models do not declare them, so they are kept out of the migration state."""

from django.db import migrations

INDEXES = [
    ("hist_action_plan_date", "plans_historicalaction", "plan_id, history_date"),
    ("hist_goal_plan_date", "plans_historicalgoal", "plan_id, history_date"),
    ("hist_measure_kpi_date", "kpis_historicalmeasurement", "kpi_id, history_date"),
    ("hist_target_kpi_date", "kpis_historicaltarget", "kpi_id, history_date"),
    ("hist_action_id_date", "plans_historicalaction", "id, history_date"),
    ("hist_goal_id_date", "plans_historicalgoal", "id, history_date"),
    ("hist_plan_id_date", "plans_historicalplan", "id, history_date"),
    ("hist_mission_id_date", "plans_historicalmissionvision", "id, history_date"),
    ("hist_step_id_date", "plans_historicalplanstep", "id, history_date"),
    ("hist_kpi_id_date", "kpis_historicalkpi", "id, history_date"),
    ("hist_target_id_date", "kpis_historicaltarget", "id, history_date"),
    ("hist_measure_id_date", "kpis_historicalmeasurement", "id, history_date"),
    ("hist_theme_id_date", "themes_historicalorgtheme", "id, history_date"),
]


class Migration(migrations.Migration):
    dependencies = [("plans", "0005_initial_history")]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})",
            f"DROP INDEX IF EXISTS {name}",
        )
        for name, table, columns in INDEXES
    ]
