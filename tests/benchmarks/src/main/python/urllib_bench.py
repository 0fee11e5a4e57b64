#!/usr/bin/env python3
"""The script user's alternative: plain urllib against Core, one call after the other.

Logs in once (POST /api/login), then calls GET /api/v3/process (or GET /api) in a loop for a fixed
time, decoding every answer with json.loads. Prints one JSON line: calls, failures, seconds, CPU
seconds of this process and latency percentiles. Standard library only (PyPI is not reachable here, so
the reference client core-client-python cannot be installed).
"""
import argparse
import json
import sys
import time
import urllib.request

PATHS = {"list": "/api/v3/process", "about": "/api"}


def login(url, user, password):
    body = json.dumps({"username": user, "password": password}).encode()
    request = urllib.request.Request(
        url + "/api/login", data=body, headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())["access_token"]


def call(request):
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def run(request, seconds):
    ok = failed = 0
    error = None
    latencies = []
    cpu0 = time.process_time()
    start = time.perf_counter()
    end = start + seconds
    while time.perf_counter() < end:
        t0 = time.perf_counter()
        try:
            call(request)
            latencies.append(time.perf_counter() - t0)
            ok += 1
        except Exception as e:  # noqa: BLE001 - a benchmark counts every failure
            failed += 1
            error = error or repr(e)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    latencies.sort()

    def pct(p):
        if not latencies:
            return float("nan")
        return latencies[max(0, min(len(latencies) - 1, int(-(-p * len(latencies) // 100)) - 1))] * 1000

    return {"ok": ok, "failed": failed, "seconds": elapsed, "cpu_seconds": cpu,
            "p50_ms": pct(50), "p99_ms": pct(99), "error": error}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", required=True)
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--op", choices=sorted(PATHS), default="list")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=0.5)
    args = parser.parse_args()
    url = args.url.rstrip("/")
    token = login(url, args.user, args.password)
    request = urllib.request.Request(
        url + PATHS[args.op], headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    if args.warmup > 0:
        run(request, args.warmup)
    result = run(request, args.seconds)
    result["python"] = sys.version.split()[0]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
