"""The API's documentation page, rendered on the server from the OpenAPI schema itself: nothing
from a CDN and no script, so it works in a closed network under the Content-Security-Policy."""

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "put", "post", "patch", "delete")


def _operations(schema: dict) -> list[dict]:
    operations = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            operations.append(
                {
                    "id": operation.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
                            "type": p.get("schema", {}).get("type", ""),
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "request": "requestBody" in operation,
                    "responses": [
                        (code, body.get("description", ""))
                        for code, body in operation.get("responses", {}).items()
                    ],
                    "public": {} in operation.get("security", [{}]),
                }
            )
    return operations


def api_docs(request):
    schema = SchemaGenerator(patterns=None).get_schema(request=None, public=True)
    return render(
        request,
        "api/docs.html",
        {"info": schema["info"], "operations": _operations(schema)},
    )
