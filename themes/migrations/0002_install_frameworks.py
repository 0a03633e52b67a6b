from django.db import migrations


def install(apps, schema_editor):
    from themes.services import sync_frameworks

    sync_frameworks(apps.get_model("themes", "Framework"), apps.get_model("themes", "FrameworkTheme"))


class Migration(migrations.Migration):
    dependencies = [("themes", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
