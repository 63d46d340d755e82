from django.urls import path

from . import views

urlpatterns = [
    path(
        "peers/<int:municipality_id>/",
        views.peer_comparison_page,
        name="peer_comparison",
    ),
]
