from django.urls import path

from . import views

app_name = "themes"

urlpatterns = [
    path("", views.theme_list, name="index"),
    path("kaders/", views.framework_list, name="frameworks"),
    path("nieuw/", views.ThemeCreate.as_view(), name="create"),
    path("<int:pk>/bewerken/", views.ThemeUpdate.as_view(), name="update"),
    path("<int:pk>/verwijderen/", views.ThemeDelete.as_view(), name="delete"),
]
