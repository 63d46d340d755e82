"""The product's URLs plus the benchmark floor page (config.settings.bench only)."""

from django.urls import path

from config.bench import floor
from config.urls import urlpatterns as product_urlpatterns

urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *product_urlpatterns]
