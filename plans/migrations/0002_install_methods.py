from django.db import migrations


def install(apps, schema_editor):
    from plans.install import sync_methods

    sync_methods(apps.get_model("plans", "MethodPhase"), apps.get_model("plans", "MethodStep"))


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
