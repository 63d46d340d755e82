"""Page-numbered lists: `?page=2&page_size=50` (1–200); every list has a stable order. A page
size that is not such a number is refused with the error naming it (never silently ignored)."""

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

from kotoplan.core.text import ascii_digits


class ApiPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not ascii_digits(raw) or not 1 <= int(raw) <= self.max_page_size:
            message = _("Give a whole number from 1 to %(most)s.") % {"most": self.max_page_size}
            raise exceptions.ValidationError({self.page_size_query_param: [message]})
        return int(raw)

    def get_page_number(self, request, paginator):
        raw = request.query_params.get(self.page_query_param, "1")
        if not ascii_digits(raw) or int(raw) < 1:
            message = _("Give a page number from 1 on.")
            raise exceptions.ValidationError({self.page_query_param: [message]})
        return raw

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size})
            if parameter["name"] == self.page_query_param:
                parameter["schema"].update({"minimum": 1})
        return parameters
