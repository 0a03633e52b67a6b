from django.urls import path

from . import note_views, report_views, views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(
        "rapportages/toelichting/<int:plan_pk>/<int:year>/<int:quarter>/",
        note_views.quarter_note,
        name="note",
    ),
    path("rapportages/", report_views.index, name="index"),
    path("rapportages/<int:pk>/", report_views.detail, name="detail"),
    path("rapportages/<int:pk>/status/", report_views.status, name="status"),
    path("rapportages/<int:pk>/download/", report_views.download, name="download"),
    path("rapportages/<int:pk>/opnieuw/", report_views.retry, name="retry"),
    path("rapportages/versie/<int:version_pk>/", report_views.version_pdf, name="version"),
    path(
        "rapportages/jaardocument/<int:plan_pk>/",
        report_views.year_document,
        name="year_document",
    ),
]
