#!/usr/bin/env python3
"""Runs FaceChart's practice-scale cases beside their floors and prints medians, ratios and peak memory.

Called by scripts/bench.sh, which builds the release binaries and the C floor first. Every figure is
the median of several runs after one warm-up run; wall time in milliseconds with the process's CPU time
(user + system) in parentheses; ratio = FaceChart's wall time / the floor's wall time.
"""
import argparse, fcntl, os, pty, resource, select, shutil, statistics, struct, subprocess, sys, termios, time

LOT = "L00037X"  # one of the generator's 400 lots


def run(argv, stdout=subprocess.DEVNULL, shell=False):
    """Wall ms, CPU ms and peak RSS (KB) of one run of argv."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, shell=shell)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = status
    wall = (time.perf_counter() - start) * 1000
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss


def pty_run(argv, until, keys_after=b"q", size=(40, 120), env=None):
    """Starts argv on a pty; returns ms until `until` appears, ms until it exits after `keys_after`,
    CPU ms and peak RSS."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[0], size[1], 0, 0))
        os.execvpe(argv[0], argv, env or os.environ)
    seen, first = b"", None
    deadline = start + 600
    while first is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            seen += chunk
            if until in seen:
                first = (time.perf_counter() - start) * 1000
    os.write(fd, keys_after)
    drain(fd, 600)
    _, _, usage = os.wait4(pid, 0)
    total = (time.perf_counter() - start) * 1000
    os.close(fd)
    return first, total, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_maxrss


def drain(fd, seconds):
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if not os.read(fd, 65536):
                    return
            except OSError:
                return


def median_of(runs, fn, warm_up=True):
    if warm_up:
        fn()
    results = [fn() for _ in range(runs)]
    return [statistics.median(value for value in values if value is not None) if any(v is not None for v in values) else None
            for values in zip(*results)]


def show_row(row, widths=(32, 20, 40, 8, 8)):
    print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    sys.stdout.flush()


def keystrokes(binary, store, env):
    """Key-to-frame on the 100-point draft of patient keys-100: ms from writing a key to the frame's
    arrival on the pty, for keys that save (+/- on the selected point) and keys that do not (cursor)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execvpe(binary, [binary, "chart", "keys-100", "--data-dir", store], env)

    def wait_for(text, timeout=60):
        seen, end = b"", time.perf_counter() + timeout
        while time.perf_counter() < end:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                seen += os.read(fd, 65536)
                if text in seen:
                    return
        raise SystemExit("key-to-frame: the screen never showed %r" % text)

    def quiet():
        while select.select([fd], [], [], 0.03)[0]:
            os.read(fd, 65536)

    def timed(key):
        quiet()
        start = time.perf_counter()
        os.write(fd, key)
        select.select([fd], [], [], 5)
        elapsed = (time.perf_counter() - start) * 1000
        quiet()
        return elapsed

    wait_for(b"Keystroke Hundred")
    quiet()
    os.write(fd, b"\r")          # open the selected (only) session: the 100-point draft
    wait_for(b"100 points")
    quiet()
    os.write(fd, b"\t")          # select a point
    quiet()
    saving = [timed(b"+" if index % 2 == 0 else b"-") for index in range(100)]
    moving = [timed(b"l" if index % 2 == 0 else b"h") for index in range(100)]
    os.write(fd, b"qqqq")
    drain(fd, 10)
    os.waitpid(pid, 0)
    os.close(fd)
    return statistics.median(saving), statistics.median(moving)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("sizes", nargs="+", type=int)
    options = parser.parse_args()
    facechart = os.path.join(options.bin, "facechart")
    generator = os.path.join(options.bin, "FaceChartBenchmarks")
    floor = os.path.join(options.work, "floor-ncurses")
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", NO_COLOR="")
    env.pop("FACECHART_HOME", None)
    print("FaceChart benchmark on %d cores; wall ms (CPU ms), medians; ratio = FaceChart wall / floor wall" % os.cpu_count())

    for size in options.sizes:
        store = os.path.join(options.work, "practice-%d" % size)
        patients = os.path.join(store, "patients")
        if not os.path.isdir(patients) or len(os.listdir(patients)) < size:
            shutil.rmtree(store, ignore_errors=True)
            started = time.perf_counter()
            subprocess.run([generator, "generate", store, str(size)], check=True, stdout=subprocess.DEVNULL)
            print("\ngenerated %d patients in %.1f s" % (size, time.perf_counter() - started))
        subprocess.run([generator, "keys-patient", store], check=True)
        files = sum(len(names) for _, _, names in os.walk(patients))
        megabytes = sum(os.path.getsize(os.path.join(d, n)) for d, _, names in os.walk(patients) for n in names) / 1e6
        runs = 5 if size <= 10_000 else 3
        data = ["--data-dir", store]
        one = os.path.join(patients, "p%07d" % (size // 2))
        one_files = [os.path.join(one, "patient.json")] + sorted(
            os.path.join(one, "sessions", name) for name in os.listdir(os.path.join(one, "sessions")))
        name = subprocess.run([facechart, "show", "p%07d" % (size // 2)] + data, capture_output=True, text=True).stdout
        peak = 0
        print("\n%d patients (%d files, %.0f MB of records), median of %d runs" % (size, files, megabytes, runs))
        show_row(("case", "FaceChart", "floor", "ratio", "target"))

        def case(title, ours, floor_title, floor_result, target):
            nonlocal peak
            peak = max(peak, ours[-1])
            ratio = ours[0] / floor_result[0] if floor_result else None
            show_row((title, "%.1f (%.1f)" % (ours[0], ours[1]),
                      "%s %.1f (%.1f)" % (floor_title, floor_result[0], floor_result[1]) if floor_result else "",
                      "%.2fx" % ratio if ratio else "", target))

        index = os.path.join(store, ".index")
        start = median_of(runs, lambda: run([facechart, "--version"]))
        show_row(("process start (--version)", "%.1f (%.1f)" % (start[0], start[1]), "", "", "context"))

        def rebuild():
            shutil.rmtree(index, ignore_errors=True)
            return run([facechart, "lots", "NO-SUCH-LOT"] + data)
        case("index rebuild from nothing", median_of(runs, rebuild, warm_up=size <= 10_000), "grep -r",
             median_of(runs, lambda: run(["grep", "-r", "NO-SUCH-LOT", patients])), "< 2x")
        case("patients (checks every folder)", median_of(runs, lambda: run([facechart, "patients"] + data)),
             "cat every patient.json", median_of(runs, lambda: run(
                 "find %s -mindepth 2 -maxdepth 2 -name patient.json -exec cat {} + >/dev/null" % patients, shell=True)),
             "< 2x")
        case("lots %s" % LOT, median_of(runs, lambda: run([facechart, "lots", LOT] + data)), "grep -rl",
             median_of(runs, lambda: run(["grep", "-rl", LOT, patients])), "< 1x")
        cat_floor = median_of(runs, lambda: run(["cat"] + one_files))
        case("show PATIENT (id)", median_of(runs, lambda: run([facechart, "show", os.path.basename(one)] + data)),
             "cat its files", cat_floor, "< 3x")
        full_name = "%s %s %d" % (["Ada", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Inès", "Jon", "Kai", "Lena"][(size // 2) % 12],
                                  ["Martin", "Nguyen", "Okafor", "Petrov", "Quinn", "Rossi", "Søndergaard", "Tanaka", "Usman"][(size // 2) // 12 % 9], size // 2)
        case("show PATIENT (name)", median_of(runs, lambda: run([facechart, "show", full_name] + data)),
             "cat its files", cat_floor, "< 3x")
        case("history PATIENT (id)", median_of(runs, lambda: run([facechart, "history", os.path.basename(one)] + data)),
             "cat its files", cat_floor, "< 3x")
        tui = median_of(runs, lambda: pty_run([facechart] + data, b"Patients (", env=env))
        c_floor = median_of(runs, lambda: pty_run([floor], b"Patients (", env=env))
        first = "%.1f" % tui[0] if tui[0] is not None else "not seen"
        show_row(("TUI first frame", first, "C ncursesw %.1f" % c_floor[0],
                  "%.2fx" % (tui[0] / c_floor[0]) if tui[0] is not None else "", "< 3x"))
        show_row(("TUI start, first frame, quit", "%.1f (%.1f)" % (tui[1], tui[2]),
                  "C ncursesw %.1f (%.1f)" % (c_floor[1], c_floor[2]), "%.2fx" % (tui[1] / c_floor[1]), ""))
        peak = max(peak, tui[3])
        saving, moving = keystrokes(facechart, store, env)
        show_row(("key to frame, +/- (saves)", "%.2f" % saving, "", "", "< 10 ms"))
        show_row(("key to frame, cursor move", "%.2f" % moving, "", "", ""))
        show_row(("peak memory (max RSS)", "%.1f MB" % (peak / 1024), "", "", "< 60 MB"))
        print("load average during the run: %.1f %.1f %.1f" % os.getloadavg())
    subprocess.run([generator, "keys"], check=False)


if __name__ == "__main__":
    main()
