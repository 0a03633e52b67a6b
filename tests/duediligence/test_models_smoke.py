"""The fixtures and models load: a plan of the due-diligence method with a risk."""

from duediligence.models import Risk


def test_a_risk_gets_its_severity_on_save(dd_plan):
    risk = Risk.objects.create(
        organisation=dd_plan.organisation,
        plan=dd_plan,
        title="Kinderarbeid bij cacaoboeren",
        category="kinderarbeid",
        area="mensenrechten",
        scale=5,
        scope=2,
        irremediability=2,
        likelihood=3,
    )
    assert risk.severity == 4
    assert risk.band == "hoog"
