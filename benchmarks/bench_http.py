"""End-to-end load: ``POST /v1/tailor`` (2-page PDF resume + ~600-word job) against 2 uvicorn workers.

Concurrency 8 for a bounded run on 127.0.0.1, with wrk when it is installed (Debian's ``wrk``) and a small httpx
load loop otherwise; single-request latency is measured sequentially. Also ``/v1/rank`` with 1 resume x 500 jobs.
Targets (issue 4): >= 300 req/s, single-request p50 <= 15 ms, rank 500 <= 2 s.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
# Two 2-page resumes: one made by a word processor, one by Typst (RenderCV), whose embedded fonts make PDFium's own
# loading about 2.5x dearer (measured: 2.4 vs 6.1 ms of CPU for plain pypdfium2 text extraction).
RESUME_PDFS = (
    DATA / "corpus" / "resumes" / "pdf" / "misc" / "john_doe.pdf",
    DATA / "corpus" / "resumes" / "pdf" / "rendercv" / "John_Doe_ClassicTheme_CV.pdf",
)
JOB_PDF = DATA / "corpus" / "jobs" / "pdf" / "job_desc_full_stack_engineer.pdf"
CONCURRENCY = 8
DURATION_S = 10
WORKERS = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def _server(workers: int = WORKERS) -> Iterator[str]:
    port = _free_port()
    db = Path(tempfile.mkdtemp()) / "bench.db"
    env = dict(os.environ, TAILOR_DATABASE_URL=f"sqlite:///{db}", TAILOR_LOG_LEVEL="WARNING")
    cmd = [sys.executable, "-m", "uvicorn", "service.main:app", "--host", "127.0.0.1", "--port", str(port)]
    cmd += ["--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _job_text(words: int = 600) -> str:
    from parsers import parse_document

    text = parse_document(JOB_PDF.read_bytes(), JOB_PDF.name).text
    tokens = text.split(" ")
    while len(" ".join(tokens).split()) < words:
        tokens += tokens
    return " ".join(" ".join(tokens).split(" ")[: words * 2]).strip()[: words * 8]


@dataclass(frozen=True)
class Body:
    """A ``/v1/tailor`` multipart body in three pieces: a request is ``head + a + middle + b + tail`` where ``a``
    lands after the PDF's last byte (a PDF comment after %%EOF, which readers ignore) and ``b`` at the end of the
    job text. With empty ``a`` and ``b`` every request sends the same documents (the service's memo answers
    from memory); with a unique ``a`` and ``b`` per request every document is new to it."""

    head: bytes
    middle: bytes
    tail: bytes
    content_type: str

    def make(self, unique: str | None = None) -> bytes:
        if unique is None:
            return self.head + self.middle + self.tail
        return self.head + f"\n%{unique}\n".encode() + self.middle + f"\n(ref {unique})".encode() + self.tail


def _body(resume: bytes, job_text: str) -> Body:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="resume"; filename="cv.pdf"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode()
        + resume
    )
    middle = f'\r\n--{boundary}\r\nContent-Disposition: form-data; name="job_text"\r\n\r\n{job_text}'.encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return Body(head, middle, tail, f"multipart/form-data; boundary={boundary}")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _single_latency(url: str, body: Body, new: bool, n: int = 60) -> dict[str, float]:
    times = []
    with httpx.Client() as client:
        for i in range(n):
            content = body.make(f"single-{i}-{uuid.uuid4().hex}" if new else None)
            began = time.perf_counter()
            response = client.post(f"{url}/v1/tailor", content=content, headers={"content-type": body.content_type})
            times.append((time.perf_counter() - began) * 1000)
            response.raise_for_status()
    return {"p50_ms": statistics.median(times[5:]), "p95_ms": _percentile(times[5:], 0.95)}


# wrk runs this in each of its threads; with ``new`` each request's body gets a suffix no other request has.
_WRK_LUA = """
local function slurp(path) local f = io.open(path, "rb"); local s = f:read("*all"); f:close(); return s end
local head, middle, tail = slurp("{dir}/head"), slurp("{dir}/middle"), slurp("{dir}/tail")
local headers = {{["Content-Type"] = "{ctype}"}}
local threads, counter = 0, 0  -- "tid" is a global that setup() gives each thread
setup = function(thread) threads = threads + 1; thread:set("tid", threads) end
request = function()
  if not {new} then return wrk.format("POST", nil, headers, head .. middle .. tail) end
  counter = counter + 1
  local unique = string.format("wrk-%d-%d", tid, counter)
  local body = head .. "\\n%" .. unique .. "\\n" .. middle .. "\\n(ref " .. unique .. ")" .. tail
  return wrk.format("POST", nil, headers, body)
end
done = function(summary, latency, requests)
  io.write(string.format("NON2XX %d\\n", summary.errors.status))
end
"""


def _wrk(url: str, body: Body, new: bool) -> dict[str, float] | None:
    wrk = shutil.which("wrk")
    if wrk is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("head", "middle", "tail"):
            (Path(tmp) / name).write_bytes(getattr(body, name))
        script = Path(tmp) / "post.lua"
        lua = _WRK_LUA.format(dir=tmp, ctype=body.content_type, new="true" if new else "false")
        script.write_text(lua)
        out = subprocess.run(
            [wrk, "-t2", f"-c{CONCURRENCY}", f"-d{DURATION_S}s", "--latency", "-s", str(script), f"{url}/v1/tailor"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    bad = int(re.search(r"NON2XX (\d+)", out).group(1))  # type: ignore[union-attr]
    return {"rps": rps, "non_2xx": bad, "tool": 1.0}


async def _httpx_load(url: str, body: Body, new: bool) -> dict[str, float]:
    done = 0
    bad = 0
    stop = time.monotonic() + DURATION_S

    async def worker(client: httpx.AsyncClient, w: int) -> None:
        nonlocal done, bad
        while time.monotonic() < stop:
            content = body.make(f"httpx-{w}-{done}" if new else None)
            headers = {"content-type": body.content_type}
            response = await client.post(f"{url}/v1/tailor", content=content, headers=headers)
            done += 1
            bad += response.status_code >= 300

    began = time.monotonic()
    async with httpx.AsyncClient(timeout=30) as client:
        await asyncio.gather(*(worker(client, w) for w in range(CONCURRENCY)))
    return {"rps": done / (time.monotonic() - began), "non_2xx": bad, "tool": 0.0}


def _rank(url: str, resume: bytes, job_text: str, n: int = 500) -> float:
    files = [("resume", ("cv.pdf", resume, "application/pdf"))]
    files += [("job_texts", (None, f"{job_text}\n(variant {i})")) for i in range(n)]  # type: ignore[misc]
    began = time.perf_counter()
    response = httpx.post(f"{url}/v1/rank", files=files, timeout=120)
    elapsed = time.perf_counter() - began
    response.raise_for_status()
    return elapsed


def run() -> dict[str, float]:
    if not RESUME_PDFS[0].exists():
        print(f"bench_http: skipped, no corpus at {DATA}")
        return {}
    job_text = _job_text()
    results: dict[str, float] = {}
    with _server() as url:
        for path in RESUME_PDFS:
            resume = path.read_bytes()
            body = _body(resume, job_text)
            for new, mode in ((True, "new"), (False, "repeated")):
                single = _single_latency(url, body, new)
                load = _wrk(url, body, new) or asyncio.run(_httpx_load(url, body, new))
                tool = "wrk" if load["tool"] else "httpx"
                results.update({f"{path.stem}_{mode}_single_{k}": v for k, v in single.items()})
                results.update({f"{path.stem}_{mode}_load_{k}": v for k, v in load.items()})
                print(
                    f"POST /v1/tailor, {path.name} ({len(resume) // 1024} KB, 2 pages) + {len(job_text.split())}-word "
                    f"job, {mode} documents, {WORKERS} workers, concurrency {CONCURRENCY}, {DURATION_S} s via {tool}: "
                    f"{load['rps']:.0f} req/s ({load['non_2xx']:.0f} non-2xx); single request p50 "
                    f"{single['p50_ms']:.1f} ms, p95 {single['p95_ms']:.1f} ms"
                )
        resume = RESUME_PDFS[0].read_bytes()
        results["rank_500_jobs_s"] = statistics.median(_rank(url, resume, job_text) for _ in range(3))
    print(f"POST /v1/rank 1 resume x 500 jobs: median {results['rank_500_jobs_s']:.2f} s over 3")
    return results


if __name__ == "__main__":
    run()
