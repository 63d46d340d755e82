# ruff: noqa: S311 (random choices of a load test)
"""The load test of `make bench` (locust, headless, loopback only). BENCH_TARGETS names a JSON
file written by run.py (targets.py). Users:

- FloorUser: only the floor page (the reference throughput);
- PublicReader: public plan pages, the open data index and open consultation pages, with a
  reader's pause; PublicAtFloorPace: the same at the floor user's pace (the throughput
  comparison);
- Respondent: reads an open consultation and answers it (the rate limit is raised in the bench
  settings, every respondent comes from 127.0.0.1);
- Worker: a coordinator who logs in and opens their plan, its history and the home page.
"""

import json
import os
import random

from locust import HttpUser, between, task

TARGETS = json.loads(open(os.environ["BENCH_TARGETS"]).read())  # noqa: SIM115
PASSWORD = "kansallinen-testi-2026"


class FloorUser(HttpUser):
    wait_time = between(0.1, 0.3)

    @task
    def floor(self):
        self.client.get("/bench/floor/", name="floor")


class PublicReader(HttpUser):
    weight = 6
    wait_time = between(0.5, 2)

    @task(4)
    def public_plan(self):
        code, start, end = random.choice(TARGETS["public_plans"])
        self.client.get(f"/documents/public/{code}/{start}-{end}/", name="public plan")

    @task(1)
    def open_data(self):
        self.client.get("/documents/open-data/", name="open data index")

    @task(2)
    def consultation(self):
        if TARGETS["consultations"]:
            slug = random.choice(TARGETS["consultations"])["slug"]
            self.client.get(f"/participation/c/{slug}/", name="consultation page")


class PublicAtFloorPace(PublicReader):
    """The public reader at the floor user's pace: what the public pages' throughput is compared
    with the floor's at (with a reader's pause between pages, ten users cannot ask for more than
    about seven pages a second, however fast the server)."""

    weight = 1
    wait_time = FloorUser.wait_time


class Respondent(HttpUser):
    weight = 2
    wait_time = between(1, 3)

    @task
    def answer(self):
        if not TARGETS["consultations"]:
            return
        consultation = random.choice(TARGETS["consultations"])
        url = f"/participation/c/{consultation['slug']}/"
        self.client.get(url, name="consultation page")
        data = {
            "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            "comment": "Kielikursseja tarvitaan myös iltaisin.",
            "category": "immigrant_resident",
        }
        for question in consultation["rating"]:
            data[f"q_{question}"] = str(random.randint(1, 5))
        with self.client.post(
            url,
            data=data,
            headers={"Referer": self.host + url},
            name="consultation answer",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"answer not accepted: HTTP {response.status_code}")


class Worker(HttpUser):
    weight = 2
    wait_time = between(1, 3)

    def on_start(self):
        self.username, self.plan = random.choice(TARGETS["work"])
        self.client.get("/accounts/login/", name="login page")
        self.client.post(
            "/accounts/login/",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            headers={"Referer": self.host + "/accounts/login/"},
            name="login",
        )

    @task(3)
    def plan_page(self):
        self.client.get(f"/plans/{self.plan}/", name="plan page")

    @task(1)
    def history(self):
        self.client.get(f"/plans/{self.plan}/history/", name="plan history")

    @task(1)
    def home(self):
        self.client.get("/", name="my work")
