"""Installing the shipped methods (plans/methods/) into the database, from a data migration
and from the test set-up. No model imports: the caller passes the model classes."""

from django.db import transaction


@transaction.atomic
def sync_methods(phase_model, step_model):
    """Install or update the shipped methods, phases and steps (idempotent). Takes the model
    classes so a data migration can pass its historical models."""
    from .methods import METHODS

    for method in METHODS:
        order = 0
        for phase_spec in method["phases"]:
            phase, _created = phase_model.objects.update_or_create(
                method=method["code"],
                number=phase_spec["number"],
                defaults={"name_nl": phase_spec["name_nl"], "name_en": phase_spec["name_en"]},
            )
            for spec in phase_spec["steps"]:
                order += 1
                fields = [
                    "name_nl",
                    "name_en",
                    "purpose_nl",
                    "purpose_en",
                    "questions_nl",
                    "questions_en",
                    "delivers_nl",
                    "delivers_en",
                    "links",
                    "recurring",
                ]
                step_model.objects.update_or_create(
                    method=method["code"],
                    code=spec["code"],
                    defaults={"phase": phase, "order": order, **{f: spec[f] for f in fields}},
                )
