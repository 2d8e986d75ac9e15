"""A production-like stack on 127.0.0.1 for the fault, load and fuzz runs.

gunicorn with ``config.settings.production``, a Celery worker and beat, the
shared PostgreSQL (a database of its own), and a Redis, an Elasticsearch, a
slow-down proxy in front of it and an SMTP sink that belong to this stack
alone, so they can be killed without touching anybody else's services.

Every address is on 127.0.0.1; every port can be changed through the
environment (``FAULTS_*``). Logs and data live under ``.services/faults/``.
"""

# The stack starts local programs with arguments of its own making.
# ruff: noqa: S603, S607

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
HOME = REPO / ".services" / "faults"
PYTHON = str(REPO / ".venv" / "bin" / "python")
BIN = REPO / ".venv" / "bin"
CORPUS = REPO / "eval" / "corpus" / "projects.json"


def source_tree() -> Path:
    """The code the stack runs: the working tree, or with
    ``FAULTS_SOURCE=head`` a snapshot of the last commit (``git archive``),
    so edits in progress in a shared working tree do not become the stack's
    500s. The snapshot borrows the working tree's built front-end files."""
    if os.environ.get("FAULTS_SOURCE", "tree") != "head":
        return REPO
    target = HOME / "src"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "HEAD"], cwd=REPO, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    shutil.copytree(REPO / "static" / "vendor", target / "static" / "vendor")
    return target


def _port(name: str, default: int) -> int:
    return int(os.environ.get(f"FAULTS_{name}_PORT", default))


@dataclass
class Ports:
    web: int = field(default_factory=lambda: _port("WEB", 8090))
    redis: int = field(default_factory=lambda: _port("REDIS", 6390))
    es: int = field(default_factory=lambda: _port("ES", 9250))
    es_proxy: int = field(default_factory=lambda: _port("ES_PROXY", 9251))
    smtp: int = field(default_factory=lambda: _port("SMTP", 2525))


def wait_for(check, timeout: float, what: str, interval: float = 0.3) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # noqa: BLE001,S110  (not up yet)
            pass
        time.sleep(interval)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


def http_ok(url: str, timeout: float = 2.0) -> bool:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
        return response.status == 200


@dataclass
class Service:
    """A data service the stack runs for itself and kills in the scenarios:
    started by ``argv`` (in the background, or a script that ``detaches``
    and returns once it is up), its pid in ``pid_file``, up when ``ready``."""

    name: str
    argv: list[str]
    pid_file: Path
    ready: Callable[[], bool]
    timeout: float = 60
    detaches: bool = False
    env: dict[str, str] = field(default_factory=dict)


class Stack:
    """Start with ``up()``, stop with ``down()``; each piece can be killed
    and restarted on its own."""

    def __init__(self, database: str = "npa_faults_stack") -> None:
        self.ports = Ports()
        self.source = source_tree()
        self.database = database
        self.processes: dict[str, subprocess.Popen] = {}
        self.mail_file = HOME / "mail.jsonl"
        self.proxy_delay = 0.0
        HOME.mkdir(parents=True, exist_ok=True)
        (HOME / "logs").mkdir(exist_ok=True)
        key_file = HOME / "secret-key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(64))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": key_file.read_text().strip(),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "WAGTAILADMIN_BASE_URL": "https://npa.example.org",
            # Plain HTTP on 127.0.0.1: no proxy terminates TLS here.
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            # The load and fault clients act as many visitors behind one proxy.
            "TRUSTED_PROXY_COUNT": "1",
            "DATABASE_URL": f"postgres://npa:npa@127.0.0.1:5432/{database}",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports.redis}/0",
            "ELASTICSEARCH_URL": f"http://127.0.0.1:{self.ports.es_proxy}",
            "SEARCH_INDEX_PREFIX": "npa-faults",
            "EMAIL_URL": f"smtp://127.0.0.1:{self.ports.smtp}",
            "OUTBOX_DRAIN_INTERVAL": os.environ.get("OUTBOX_DRAIN_INTERVAL", "5"),
            "MAIL_SWEEP_GRACE_SECONDS": os.environ.get(
                "MAIL_SWEEP_GRACE_SECONDS", "20"
            ),
            "MAIL_SWEEP_INTERVAL": os.environ.get("MAIL_SWEEP_INTERVAL", "10"),
            "MEDIA_ROOT": str(HOME / "media"),
            "PRIVATE_MEDIA_ROOT": str(HOME / "private-media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }

    # --- URLs -------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.web}"

    # --- commands -----------------------------------------------------------
    def manage(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=self.source,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=1800,
        )
        if check and result.returncode:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
            )
        return result.stdout

    def django(self, code: str) -> object:
        """Run ``code`` in a Django shell of the stack; it prints one JSON
        value, which is returned."""
        out = self.manage("shell", "-c", code)
        return json.loads(out.strip().splitlines()[-1])

    def _spawn(self, name: str, argv: list[str]) -> subprocess.Popen:
        log = (HOME / "logs" / f"{name}.log").open("ab")
        process = subprocess.Popen(  # noqa: S603
            argv,
            cwd=self.source,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.processes[name] = process
        (HOME / f"{name}.pid").write_text(str(process.pid))
        return process

    def _stop(self, name: str, sig: int = signal.SIGTERM, wait: float = 20) -> None:
        """Stop a piece this object started, or, from a later command
        (``stack.py down``), the one its pid file names."""
        pid_file = HOME / f"{name}.pid"
        process = self.processes.pop(name, None)
        if process is None and pid_file.exists():
            pid = int(pid_file.read_text())
            pid_file.unlink()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, sig)
                wait_for(lambda: not _alive(pid), wait, f"the end of {name}")
            return
        pid_file.unlink(missing_ok=True)
        if process is None or process.poll() is not None:
            return
        try:
            os.killpg(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    # --- Redis and Elasticsearch: services of this stack alone ---------------
    @property
    def redis(self) -> Service:
        return Service(
            "Redis",
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.ports.redis),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(HOME),
            ],
            pid_file=HOME / "redis.pid",
            ready=self.redis_up,
            timeout=15,
        )

    @property
    def elasticsearch(self) -> Service:
        # scripts/es-start.sh starts the node in the background, writes its
        # pid file and returns once the cluster answers.
        return Service(
            "Elasticsearch",
            [str(REPO / "scripts" / "es-start.sh")],
            pid_file=HOME / "elasticsearch" / "es.pid",
            ready=lambda: http_ok(f"http://127.0.0.1:{self.ports.es}/"),
            timeout=300,
            detaches=True,
            env={
                "ES_PORT": str(self.ports.es),
                "ES_HOME": str(HOME / "elasticsearch"),
                "ES_HEAP": os.environ.get("FAULTS_ES_HEAP", "768m"),
            },
        )

    def start_service(self, service: Service) -> None:
        if service.detaches:
            subprocess.run(
                service.argv,
                env={**os.environ, **service.env},
                check=True,
                capture_output=True,
                timeout=service.timeout,
            )
        else:
            process = self._spawn(service.pid_file.stem, service.argv)
            service.pid_file.write_text(str(process.pid))
        wait_for(service.ready, service.timeout, service.name)

    def kill_service(self, service: Service) -> None:
        """SIGKILL, no shutdown of any kind: the outage the scenarios need."""
        self.processes.pop(service.pid_file.stem, None)
        if not service.pid_file.exists():
            return
        pid = int(service.pid_file.read_text())
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        wait_for(lambda: not _alive(pid), 30, f"the end of {service.name}")
        service.pid_file.unlink(missing_ok=True)

    def start_redis(self) -> None:
        self.start_service(self.redis)

    def stop_redis(self) -> None:
        self.kill_service(self.redis)

    def redis_up(self) -> bool:
        out = subprocess.run(
            ["redis-cli", "-p", str(self.ports.redis), "ping"],
            capture_output=True,
            text=True,
            check=False,
            timeout=3,
        )
        return "PONG" in out.stdout

    def start_es(self) -> None:
        self.start_service(self.elasticsearch)

    def kill_es(self) -> None:
        self.kill_service(self.elasticsearch)

    # --- the proxy in front of Elasticsearch ---------------------------------
    def start_proxy(self, delay: float = 0.0) -> None:
        self._stop("es-proxy")
        self.proxy_delay = delay
        self._spawn(
            "es-proxy",
            [
                PYTHON,
                str(REPO / "scripts" / "faults" / "slowproxy.py"),
                "--listen",
                str(self.ports.es_proxy),
                "--target",
                str(self.ports.es),
                "--delay",
                str(delay),
            ],
        )
        wait_for(lambda: _port_open(self.ports.es_proxy), 10, "the Elasticsearch proxy")

    # --- SMTP sink ----------------------------------------------------------
    def start_smtp(self, delay: float = 0.0) -> None:
        self._stop("smtp")
        self._spawn(
            "smtp",
            [
                PYTHON,
                str(REPO / "scripts" / "faults" / "smtpsink.py"),
                "--port",
                str(self.ports.smtp),
                "--out",
                str(self.mail_file),
                "--delay",
                str(delay),
            ],
        )
        wait_for(lambda: _port_open(self.ports.smtp), 10, "the SMTP sink")

    def mails(self) -> list[dict]:
        if not self.mail_file.exists():
            return []
        return [
            json.loads(line)
            for line in self.mail_file.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]

    # --- the application ------------------------------------------------------
    def start_web(self) -> None:
        self._spawn(
            "web",
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.ports.web}",
                "--workers",
                os.environ.get("FAULTS_WEB_WORKERS", "3"),
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
            ],
        )
        wait_for(lambda: http_ok(f"{self.base_url}/healthz"), 60, "gunicorn")

    def start_worker(self) -> None:
        self._spawn(
            "worker",
            [
                str(BIN / "celery"),
                "-A",
                "config",
                "worker",
                "--loglevel",
                "WARNING",
                "--concurrency",
                "2",
                "--without-gossip",
                "--without-mingle",
            ],
        )

    def kill_worker(self) -> None:
        """SIGKILL to the worker and its pool processes, no warm shutdown."""
        self._stop("worker", signal.SIGKILL)

    def start_beat(self) -> None:
        self._spawn(
            "beat",
            [
                str(BIN / "celery"),
                "-A",
                "config",
                "beat",
                "--loglevel",
                "WARNING",
                "--schedule",
                str(HOME / "beat-schedule"),
            ],
        )

    # --- set-up ---------------------------------------------------------------
    def create_database(self) -> None:
        import psycopg

        with psycopg.connect(
            "postgresql://npa:npa@127.0.0.1:5432/postgres", autocommit=True
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.database}"')
            connection.execute(f'CREATE DATABASE "{self.database}"')

    def delete_indices(self) -> None:
        request = urllib.request.Request(  # noqa: S310
            f"http://127.0.0.1:{self.ports.es}/npa-faults-*"
            "?allow_no_indices=true&expand_wildcards=all",
            method="GET",
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            names = list(json.load(response))
        if names:
            request = urllib.request.Request(  # noqa: S310
                f"http://127.0.0.1:{self.ports.es}/{','.join(names)}", method="DELETE"
            )
            urllib.request.urlopen(request, timeout=30).close()  # noqa: S310

    def up(self, fresh: bool = True) -> None:
        """Everything, on a fresh database loaded with the evaluation corpus
        (211 real projects), with contact addresses on the first 40."""
        started = time.monotonic()
        try:
            self._up(fresh)
        except BaseException:
            self.down()
            raise
        print(f"[stack] up in {time.monotonic() - started:.0f} s at {self.base_url}")

    def _up(self, fresh: bool) -> None:
        self.start_redis()
        self.start_es()
        self.start_proxy()
        self.start_smtp()
        if fresh:
            self.delete_indices()
            self.create_database()
            self.manage("migrate", "--noinput", "-v0")
            self.manage("collectstatic", "--noinput", "-v0")
            self.manage("setup_site")
            self.manage("import_projects", str(CORPUS))
            self.django(
                "import json\n"
                "from projects.models import ProjectPage\n"
                "ids = list(ProjectPage.objects.live().order_by('pk')"
                ".values_list('pk', flat=True)[:40])\n"
                "for pk in ids:\n"
                "    ProjectPage.objects.filter(pk=pk).update("
                "contact_email=f'projekt-{pk}@faults.test')\n"
                "print(json.dumps(len(ids)))"
            )
            self.manage("rebuild_search")
            self.manage("rebuild_matches")
        self.start_worker()
        self.start_beat()
        self.start_web()

    def editor(self) -> tuple[str, str]:
        """An account in the editors' group (Redaktion) for the publishes
        through the admin; created or reset on each call."""
        password_file = HOME / "editor-password"
        if not password_file.exists():
            password_file.write_text(secrets.token_urlsafe(24))
        password = password_file.read_text().strip()
        self.django(
            "import json\n"
            "from django.contrib.auth import get_user_model\n"
            "from django.contrib.auth.models import Group\n"
            "user, _ = get_user_model().objects.get_or_create(username='faults-editor',"
            " defaults={'email': 'faults-editor@faults.test'})\n"
            f"user.set_password({password!r})\n"
            "user.is_active = True\n"
            "user.save()\n"
            "user.groups.add(Group.objects.get(name='Redaktion'))\n"
            "print(json.dumps(user.pk))"
        )
        return "faults-editor", password

    def down(self) -> None:
        for name in ("web", "beat", "worker", "smtp", "es-proxy"):
            self._stop(name)
        self.stop_redis()
        self.kill_es()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie child of ours still answers kill(0); its state says it ended.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"


def _port_open(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


if __name__ == "__main__":
    # up: start and keep running until Ctrl-C; down: stop a stack that
    # make faults left running (FAULTS_KEEP=1).
    stack = Stack()
    command = sys.argv[1] if len(sys.argv) > 1 else "up"
    if command == "down":
        stack.down()
    else:
        stack.up()
        print("Ctrl-C stops the stack.")
        try:
            while True:
                time.sleep(3600)
        finally:
            stack.down()
