"""Locust scenario for `benchmarks/loadtest.py`: learners studying the demo courses end to end.

Each simulated learner takes a prepared, logged-in session (the plan file written by
loadtest.py), finishes the course loadtest.py gave it a head start in (its last lessons), then
enrols in the next course, opens every lesson in order, marks it as done or passes its
quiz with the right answers (from the plan: the page never shows them), and when the course is
finished looks at "Moje učenje" and starts the next course. Redirects are not followed: a write
must answer 302, a page 200; anything else counts as a failure.
"""

import itertools
import json
import os
import random
import re
import threading
from pathlib import Path

from locust import HttpUser, between, task

PLAN = json.loads(Path(os.environ["KOK_LOADTEST_PLAN"]).read_text())
_next_learner = itertools.cycle(PLAN["learners"]).__next__
_lock = threading.Lock()


def _form_token(html: str, action: str) -> str | None:
    """The one-time submission token of the quiz form posting to `action`."""
    start = html.find(f'action="{action}"')
    if start < 0:
        return None
    match = re.search(r'name="token" value="([^"]+)"', html[start:])
    return match.group(1) if match else None


class Learner(HttpUser):
    wait_time = between(0.5, 2)

    def on_start(self):
        with _lock:
            learner = _next_learner()
        # Production cookies are Secure; over loopback HTTP the client sends them as set here.
        self.client.cookies.set(PLAN["session_cookie_name"], learner["session"])
        self.client.cookies.set(PLAN["csrf_cookie_name"], learner["csrf"])
        self.csrf = learner["csrf"]
        self.courses = PLAN["courses"][:]
        self.course = None
        start = learner.get("start")
        if start:
            # loadtest.py enrolled this learner and studied all but the last lessons ahead.
            self.course = self.courses.pop(start["course"])
            self.position = start["position"]
        random.shuffle(self.courses)

    def _get(self, url: str, name: str):
        with self.client.get(url, name=name, allow_redirects=False, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"{name}: {response.status_code}")
            return response

    def _post(self, url: str, data: dict, name: str):
        with self.client.post(
            url, data=data, headers={"X-CSRFToken": self.csrf}, name=name, allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 302:
                response.failure(f"{name}: {response.status_code}")
            return response

    @task
    def study(self):
        if self.course is None:
            if not self.courses:
                self._get(PLAN["dashboard_url"], "dashboard")
                return
            self.course = self.courses.pop()
            self.position = 0
            self._get(self.course["url"], "course page")
            self._post(self.course["enrol_url"], {}, "enrol")
            return
        lessons = self.course["lessons"]
        if self.position >= len(lessons):
            self._get(PLAN["dashboard_url"], "dashboard")
            self.course = None
            return
        lesson = lessons[self.position]
        page = self._get(lesson["url"], "lesson page")
        if page.status_code != 200:
            return
        if lesson["quizzes"]:
            for quiz in lesson["quizzes"]:
                token = _form_token(page.text, quiz["submit_url"])
                if token is None:
                    continue  # already passed in an earlier visit
                data = {"token": token}
                for question_id, choices in quiz["answers"].items():
                    data[f"q-{question_id}"] = choices
                self._post(quiz["submit_url"], data, "quiz submit")
        else:
            self._post(lesson["complete_url"], {}, "lesson complete")
        self.position += 1
