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


def test_completeness_is_rounded_down_so_a_gap_never_shows_100(dd_plan):
    from duediligence.models import Item, Sourcing

    org = dd_plan.organisation
    for n in range(201):
        item = Item.objects.create(organisation=org, plan=dd_plan, name=f"P{n}", kind="product")
        Sourcing.objects.create(organisation=org, item=item, origin_country="" if n == 0 else "CI")
    figures = Item.objects.filter(plan=dd_plan).completeness()
    assert figures["with_origin"] == 200 and figures["origin_pct"] == 99
    assert figures["with_supplier"] == 0 and figures["supplier_pct"] == 0
