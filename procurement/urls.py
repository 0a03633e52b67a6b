"""URLs under /o/<org_slug>/inkoop/. Each area's views module declares its own
``urlpatterns``; plan pages take the plan's id as ``pk``."""

from .views import calendar, cycle, documents, foundation, groups, overview, transfer

app_name = "procurement"

urlpatterns = [
    *overview.urlpatterns,
    *foundation.urlpatterns,
    *calendar.urlpatterns,
    *transfer.urlpatterns,
    *groups.urlpatterns,
    *cycle.urlpatterns,
    *documents.urlpatterns,
]
