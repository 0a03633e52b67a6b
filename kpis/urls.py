from django.urls import path

from . import views

app_name = "kpis"

urlpatterns = [
    path("", views.KpiList.as_view(), name="index"),
    path("nieuw/", views.KpiCreate.as_view(), name="create"),
    path("kwartaal/", views.quarter_entry, name="quarter_entry"),
    path("export.<str:fmt>", views.export, name="export"),
    path("<int:pk>/", views.KpiDetail.as_view(), name="detail"),
    path("<int:pk>/bewerken/", views.KpiUpdate.as_view(), name="update"),
    path("<int:pk>/verwijderen/", views.KpiDelete.as_view(), name="delete"),
    path("<int:pk>/geschiedenis/", views.kpi_history, name="history"),
    path("<int:kpi_pk>/streefwaarden/nieuw/", views.TargetCreate.as_view(), name="target_create"),
    path("streefwaarden/<int:pk>/verwijderen/", views.TargetDelete.as_view(), name="target_delete"),
    path(
        "<int:kpi_pk>/metingen/nieuw/",
        views.MeasurementCreate.as_view(),
        name="measurement_create",
    ),
    path(
        "metingen/<int:pk>/bewerken/", views.MeasurementUpdate.as_view(), name="measurement_update"
    ),
    path(
        "metingen/<int:pk>/verwijderen/",
        views.MeasurementDelete.as_view(),
        name="measurement_delete",
    ),
]
