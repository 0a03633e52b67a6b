from django.urls import path

from .views import cycle, plans

app_name = "plans"

urlpatterns = [
    path("", plans.PlanList.as_view(), name="index"),
    path("nieuw/", plans.PlanCreate.as_view(), name="create"),
    path("<int:pk>/", plans.plan_detail, name="detail"),
    path("<int:pk>/bewerken/", plans.PlanUpdate.as_view(), name="update"),
    path("<int:pk>/verwijderen/", plans.PlanDelete.as_view(), name="delete"),
    path("<int:pk>/stappen/<int:step_pk>/", plans.step_detail, name="step"),
    path("<int:pk>/kpis/", plans.plan_kpis, name="kpis"),
    path("<int:pk>/volgende-cyclus/", cycle.next_cycle, name="next_cycle"),
]
