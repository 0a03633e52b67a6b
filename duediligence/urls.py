"""URLs under /o/<org_slug>/due-diligence/. Each area's views module declares its own
``urlpatterns``; plan pages take the plan's id as ``pk``."""

from .views import chain, communication, evidence, grievances, monitoring, overview, policy, risks

app_name = "duediligence"

urlpatterns = [
    *overview.urlpatterns,
    *policy.urlpatterns,
    *chain.urlpatterns,
    *risks.urlpatterns,
    *monitoring.urlpatterns,
    *communication.urlpatterns,
    *grievances.urlpatterns,
    *evidence.urlpatterns,
]
