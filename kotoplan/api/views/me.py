"""Who the client is: a quick check that a token works."""

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from .. import serializers as s
from ..permissions import PUBLIC_DATA, Access
from .common import ApiView


class WhoAmI(ApiView):
    """The user a token acts as, the token's name and expiry."""

    access = Access(read=PUBLIC_DATA)
    serializer_class = s.WhoAmISerializer

    def scoped(self):  # pragma: no cover (no list)
        return None

    @extend_schema(responses=s.WhoAmISerializer)
    def get(self, request):
        token = request.auth if hasattr(request.auth, "expires_at") else None
        return Response(s.WhoAmISerializer(s.WhoAmISerializer.of(request.user, token)).data)


@extend_schema(exclude=True)
class NotFoundApi(ApiView):
    """Any other address under /api/v1/: the API's own 404 (JSON, in the one error shape), for
    every method, instead of the site's HTML page."""

    access = Access(read=PUBLIC_DATA, public=True, write=PUBLIC_DATA)

    def scoped(self):  # pragma: no cover (no list)
        return None

    def get(self, request, *args, **kwargs):
        raise NotFound

    put = post = patch = delete = get
