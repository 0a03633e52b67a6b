"""Writes of the themes app."""

from django.db import transaction

from .frameworks import FRAMEWORKS


@transaction.atomic
def sync_frameworks(framework_model, theme_model):
    """Install or update the shipped frameworks and their themes (idempotent).

    Takes the model classes so a data migration can pass its historical models.
    """
    by_code = {}
    for f_order, spec in enumerate(FRAMEWORKS, start=1):
        fields = {k: spec[k] for k in ("name_nl", "name_en", "description_nl", "description_en")}
        framework, _ = framework_model.objects.update_or_create(
            code=spec["code"], defaults={**fields, "order": f_order}
        )
        for t_order, theme in enumerate(spec["themes"], start=1):
            keys = ("name_nl", "name_en", "description_nl", "description_en")
            obj, _ = theme_model.objects.update_or_create(
                code=theme["code"],
                defaults={
                    **{k: theme[k] for k in keys},
                    "framework": framework,
                    "order": t_order,
                    "number": theme.get("number"),
                },
            )
            by_code[theme["code"]] = (obj, theme.get("sdgs", []))
    sdg_by_number = {
        obj.number: obj for obj, _ in by_code.values() if obj.number and obj.framework.code == "sdg"
    }
    for obj, numbers in by_code.values():
        obj.sdgs.set([sdg_by_number[n] for n in numbers])
