"""The due-diligence rules in one place: severity, its bands, when a risk must be
prioritised, and what each kind of involvement asks of the organisation (DOMAIN.md 2C, 3A, 6).

Severity (ernst) is worked out from three scores of 1–5: zwaarte (scale), reikwijdte (scope) and
onomkeerbaarheid (irremediability). It is their average, rounded up; and because harm that
cannot be undone or that is of the gravest kind is severe however few people it reaches, a 5 on
any of the three makes the severity at least 4. Likelihood does not count towards severity:
the register orders by severity first and only then by likelihood.
"""

import math

from django.utils.translation import gettext_lazy as _

HIGH, MEDIUM, LOW = "hoog", "midden", "laag"
BANDS = (HIGH, MEDIUM, LOW)  # from most to least severe
BAND_LABELS = {
    HIGH: _("Hoge ernst (4–5)"),
    MEDIUM: _("Middelmatige ernst (3)"),
    LOW: _("Lage ernst (1–2)"),
}
BAND_OF_SEVERITY = {5: HIGH, 4: HIGH, 3: MEDIUM, 2: LOW, 1: LOW}
SEVERITIES_OF_BAND = {band: [s for s, b in BAND_OF_SEVERITY.items() if b == band] for band in BANDS}


def severity(scale, scope, irremediability):
    """Severity 1–5 from the three scores (each 1–5)."""
    scores = (scale, scope, irremediability)
    value = math.ceil(sum(scores) / 3)
    if max(scores) == 5:
        value = max(value, 4)
    return value


def band(severity_value):
    return BAND_OF_SEVERITY[severity_value]


def priority_problem(severity_value, prioritised, rationale):
    """The message for a risk of the highest band that is not prioritised without a reason
    why, or None. The most severe risks are prioritised even when unlikely (DOMAIN.md 2C)."""
    if band(severity_value) == HIGH and not prioritised and not (rationale or "").strip():
        return _(
            "Dit risico valt in de hoogste ernstklasse. Geef het prioriteit, of leg hier uit "
            "waarom het (nog) geen prioriteit krijgt. Prioriteren betekent uitstellen, niet "
            "schrappen."
        )
    return None


# 3A: what the organisation is expected to do, per kind of involvement.
RESPONSE = {
    "veroorzaakt": _("Stop de activiteit die de schade veroorzaakt, of voorkom dat ze ontstaat."),
    "draagt_bij": _(
        "Stop of voorkom jullie eigen bijdrage, en gebruik jullie invloed om de andere "
        "betrokkenen de rest te laten stoppen of voorkomen."
    ),
    "direct_verbonden": _(
        "Gebruik jullie invloed (leverage) zodat de partij die de schade veroorzaakt die "
        "stopt of voorkomt."
    ),
}

# 6: the duty to remediate, per kind of involvement.
REMEDIATION = {
    "veroorzaakt": _("Herstel de schade volledig, samen met de getroffenen."),
    "draagt_bij": _("Herstel het deel van de schade waaraan jullie hebben bijgedragen."),
    "direct_verbonden": _(
        "Jullie hoeven de schade niet zelf te herstellen, maar gebruiken je invloed zodat de "
        "getroffenen herstel krijgen."
    ),
}
