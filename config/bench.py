"""What only the benchmark server has (config.settings.bench): a floor page and a middleware
that tells the client how many SQL queries a request made and which worker served it."""

import os
import time

from django.db import connection
from django.shortcuts import render


def floor(request):
    """The trivial page every other page is compared with: the base template, nothing else."""
    return render(request, "base.html", {})


class QueryCountMiddleware:
    """Adds X-Bench-Queries (SQL queries of the request), X-Bench-Ms (time inside Django) and
    X-Bench-Pid (the worker). A streamed body is produced after the headers, so its queries and
    time are not counted; the benchmark script measures time at the client as well."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        count = [0]

        def counting(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(counting):
            response = self.get_response(request)
        response["X-Bench-Queries"] = str(count[0])
        response["X-Bench-Ms"] = f"{(time.perf_counter() - started) * 1000:.1f}"
        response["X-Bench-Pid"] = str(os.getpid())
        return response
