"""The pages of the good-practice library: the search, a measure with its similar measures and
reuses, copying a measure into one's own draft, and the similar measures of a text being
written (a fragment for the measure form's script, a page for its button without script)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from kotoplan.core.kept import SERVICE_KEPT_SECONDS, kept_fragment
from kotoplan.core.text import ascii_digits
from kotoplan.core.views import page_url
from kotoplan.planning.selectors import plans_for_user

from . import selectors, services
from .forms import KIND_LABELS, ReuseForm, SearchForm
from .tasks import index_refresh_for_request


def _targets(user) -> list:
    if not user.is_authenticated:
        return []
    return list(selectors.reuse_targets(user=user))


def _results(request, params, targets) -> str:
    """The tabs, the page of results and the page links, rendered."""
    counts = selectors.search_counts(user=request.user, params=params)
    page = selectors.search_page(
        user=request.user, params=params, page=request.GET.get("page"), count=counts[params.kind]
    )
    query = request.GET.copy()
    query.pop("page", None)
    tabs = []
    for key, label in KIND_LABELS.items():
        query["kind"] = key
        tabs.append({"key": key, "label": label, "count": counts[key], "query": query.urlencode()})
    query["kind"] = params.kind
    context = {
        "params": params,
        "words": params.words,
        "page": page,
        "tabs": tabs,
        "query": query.urlencode(),
        "targets": targets,
    }
    return render_to_string("library/_results.html", context, request)


def search(request):
    """The search page. The results are kept per index version, reader's reach and query
    (readers without copy forms), so a repeated search or a page turned back is not searched
    again while nothing in the index changed."""
    form = SearchForm(request.GET or None)
    params = form.params() if form.is_bound else selectors.SearchParams()
    version = index_refresh_for_request()
    targets = _targets(request.user) if params.kind == "measure" else []
    key = None
    if not targets:  # copy forms carry the reader's own targets and token: not kept
        query = request.GET.urlencode()
        key = selectors.results_key(user=request.user, version=version, query=query, surface="page")
    results = cache.get(key) if key else None
    if results is None:
        results = _results(request, params, targets)
        if key:
            cache.set(key, results, selectors.RESULTS_KEPT_SECONDS)
    # The form lists every theme, target group and area, the same for every reader: rendered once
    # per query (reference data loaded by a command shows within two minutes).
    search_form = kept_fragment(
        "library-search-form",
        (version, request.GET.urlencode()),
        lambda: render_to_string("library/_search_form.html", {"form": form, "params": params}),
        seconds=SERVICE_KEPT_SECONDS,
    )
    return render(
        request,
        "library/search.html",
        {
            "form": form,
            "params": params,
            "search_form": search_form,
            "results": mark_safe(results),
        },
    )


def measure_detail(request, measure_id):
    user = request.user
    measure = selectors.measure_get_for_user(user=user, measure_id=measure_id)
    origin = measure.reused_from
    visible = selectors.visible_plans(user=user)
    return render(
        request,
        "library/measure_detail.html",
        {
            "measure": measure,
            "plan": measure.objective.plan,
            "indicators": selectors.measure_indicators(measure=measure),
            "reuses": list(selectors.reuses_of(user=user, measures=[measure])),
            "similar": selectors.similar_measures(
                user=user, text=f"{measure.title_fi} {measure.title_sv}", exclude=measure
            ),
            "origin": origin,
            "origin_visible": origin is not None
            and visible.filter(pk=origin.objective.plan_id).exists(),
            "targets": _targets(user),
        },
    )


@login_required
@require_POST
def measure_reuse(request, measure_id):
    user = request.user
    measure = selectors.measure_get_for_user(user=user, measure_id=measure_id)
    form = ReuseForm(request.POST, targets=selectors.reuse_targets(user=user))
    if not form.is_valid():
        messages.error(request, _("Choose an objective of your draft plan."))
        return HttpResponseRedirect(page_url("library:measure_detail", measure.pk))
    copy = services.measure_reuse(
        actor=user, measure=measure, objective=form.cleaned_data["objective"]
    )
    messages.success(
        request, _("The measure was copied into your plan. Name its responsible party there.")
    )
    return HttpResponseRedirect(
        page_url("planning:plan_detail", copy.objective.plan_id, anchor=f"measure-{copy.pk}")
    )


def _written(data) -> str:
    names = [f"title_{code}" for code in ("fi", "sv", "en")]
    return " ".join(data.get(name, "") for name in [*names, "text"])


@require_http_methods(["GET", "POST"])
def similar(request):
    """Measures of other plans close to the text being written: a fragment for the form's
    script (GET), or a page for its button (POST of the form, nothing saved)."""
    user = request.user
    plan = None
    plan_id = request.GET.get("plan", "")
    if ascii_digits(plan_id) and user.is_authenticated:
        plan = plans_for_user(user=user).filter(pk=int(plan_id)).first()
    data = request.POST if request.method == "POST" else request.GET
    text = _written(data)[:1000]
    found = selectors.similar_measures(user=user, text=text, plan=plan)
    context = {"similar": found, "words": selectors.words_of(text), "searched": bool(text.strip())}
    if request.method == "GET":
        return render(request, "library/_similar.html", context)
    return render(request, "library/similar.html", context)
