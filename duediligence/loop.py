"""The six-step loop of a due-diligence plan: each step's status and what is still missing,
and the links from the stepper's steps to the screens of due diligence.

(Being built: until then the stepper shows no extra links and the plan page no card.)
"""


def step_links(plan, step):
    """[(label, url)] of due-diligence screens for a step of a due-diligence plan."""
    return []


def plan_panel(plan):
    """The plan page's card for a due-diligence plan, or None."""
    return None
