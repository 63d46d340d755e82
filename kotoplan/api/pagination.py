"""Page-numbered lists: `?page=2&page_size=50` (at most 200); every list has a stable order."""

from rest_framework.pagination import PageNumberPagination


class ApiPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200
