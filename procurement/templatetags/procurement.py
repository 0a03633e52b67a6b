from django import template

from ..screens import plan_nav

register = template.Library()


@register.inclusion_tag("procurement/partials/plan_nav.html", takes_context=True)
def mvoi_nav(context, plan):
    """The MVOI plan's screens as a row of links, the current one marked."""
    path = context["request"].path
    items = [
        {"label": label, "url": url, "current": path == url or path.startswith(url) and i > 0}
        for i, (label, url) in enumerate(plan_nav(plan))
    ]
    return {"items": items, "plan": plan}
