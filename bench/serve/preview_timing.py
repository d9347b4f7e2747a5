#!/usr/bin/env python3
"""Save -> new header served, for `paperarchive serve` on the bundled sample (run by hand).

Copies input/ and themes/ to a temp folder, starts the CLI's `serve` there on a free port, opens the
live-reload event stream the way a tab does (?page=/papers/index.html), then N times: writes a new
marker into partials/header.html, waits for the event with a new build id (what makes the tab
reload), and fetches the page until it carries the marker. Prints each time and the median, plus
the server's own log lines. A browser adds its page load on top (the Playwright test
PreviewFirstTests logs that end to end).

Usage: bench/serve/preview_timing.py [--edits 5] [--dll src/PaperArchive.Cli/bin/Release/net10.0/PaperArchive.Cli.dll]
"""
import argparse, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.request, queue

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ap = argparse.ArgumentParser()
ap.add_argument("--edits", type=int, default=5)
ap.add_argument("--dll", default=os.path.join(root, "src/PaperArchive.Cli/bin/Release/net10.0/PaperArchive.Cli.dll"))
ap.add_argument("--page", default="index.html")
ap.add_argument("--during-build", action="store_true", help="edit again 0.3 s after the tab reloads, while the full build runs")
args = ap.parse_args()

work = tempfile.mkdtemp(prefix="paperarchive-preview-bench-")
shutil.copytree(os.path.join(root, "input"), os.path.join(work, "input"))
shutil.copytree(os.path.join(root, "themes"), os.path.join(work, "themes"))
header = os.path.join(work, "themes", "default", "partials", "header.html")
original = open(header, encoding="utf-8").read()

with socket.socket() as s:
    s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]
log = []
server = subprocess.Popen(["dotnet", args.dll, "serve", "--input", "input", "--archive", "archive", "--output", "site",
                           "--themes-dir", "themes", "--port", str(port), "--base-path", "/papers/"],
                          cwd=work, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
ready = threading.Event()
def full_builds():
    """Full builds finished so far (the server logs "build N: ..." or "build failed ..."; previews log "preview ...")."""
    return sum(1 for _, l in list(log) if re.search(r"\bbuild (\d+:|failed)", l))
def pump():
    for line in server.stdout:
        log.append((time.monotonic(), line.rstrip()))
        if "127.0.0.1" in line and "http" in line:
            ready.set()
threading.Thread(target=pump, daemon=True).start()
try:
    if not ready.wait(600):
        sys.exit("server did not start:\n" + "\n".join(l for _, l in log))
    base = f"http://127.0.0.1:{port}/papers/"
    page_path = "/papers/" + args.page
    events = queue.Queue()
    def listen():
        req = urllib.request.Request(f"http://127.0.0.1:{port}/__paperarchive/events?page=" + urllib.request.quote(page_path))
        with urllib.request.urlopen(req, timeout=3600) as r:
            for raw in r:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("data: "):
                    events.put((time.monotonic(), json.loads(line[6:])))
    threading.Thread(target=listen, daemon=True).start()
    _, first = events.get(timeout=60)
    build = first["build"]
    times = []
    for i in range(args.edits):
        # Let the previous full build publish (one "build N:" log line per build) and the machine settle.
        if args.during_build and i > 0:
            time.sleep(0.3)
        else:
            while full_builds() < i + 1:
                time.sleep(0.1)
            time.sleep(1)
        while not events.empty():
            build = events.get()[1]["build"]
        marker = f"bench-edit-{i}-{time.time_ns()}"
        start = time.monotonic()
        with open(header, "w", encoding="utf-8") as f:
            f.write(original.replace('<span class="brand-mark"', f'<span id="{marker}"></span><span class="brand-mark"'))
        while True:
            t, state = events.get(timeout=600)
            if state["build"] != build:
                build = state["build"]
                break
        while True:
            body = urllib.request.urlopen(base + args.page, timeout=600).read().decode("utf-8")
            if marker in body:
                break
        elapsed = time.monotonic() - start
        times.append(elapsed)
        log.append((start, f"-- bench: edit {i + 1} saved"))
        print(f"edit {i + 1}: save -> event {t - start:.3f}s, -> page with new header {elapsed:.3f}s", flush=True)
    deadline = time.monotonic() + 120
    while not any(re.search(r"\bbuild (\d+:|failed)", l) for t, l in list(log) if t > start) and time.monotonic() < deadline:
        time.sleep(0.1)
    print(f"median save -> new header served: {statistics.median(times):.3f}s over {len(times)} edits; load average {os.getloadavg()}")
    print("server log:")
    t0 = log[0][0]
    for t, line in log:
        print(f"  {t - t0:8.3f} {line}")
finally:
    server.terminate()
    try:
        server.wait(30)
    except subprocess.TimeoutExpired:
        server.kill()
    shutil.rmtree(work, ignore_errors=True)
