"""Due diligence's providers for plans.registry: the step links and the plan page's card
(from duediligence.loop), the approved snapshot's sections, the quarterly report's chapter and
the dashboard card."""

from plans import registry

KEY = "duediligence"


def register():
    """Called once from DuediligenceConfig.ready()."""
    from . import loop

    registry.register("step_links", KEY, loop.step_links)
    registry.register("plan_panels", KEY, loop.plan_panel)
