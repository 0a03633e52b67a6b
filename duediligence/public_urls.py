"""The public grievance intake under /meld/<org_slug>/: the only pages without login."""

from .views import public

app_name = "meld"

urlpatterns = [*public.urlpatterns]
