#!/usr/bin/env python3
"""Who holds up Voki's threads: reads `perf script -F time,event,trace` of sched_switch and
sched_wakeup events recorded on Voki's CPU and, for the I/O thread (--io TID) and for the threads
named voki-db, reports how long each waited between becoming runnable (woken or preempted) and
running again, and what ran on the CPU meanwhile (by thread name: voki-db, voki-feedback,
voki-checkpoint, voki for the I/O thread, anything else by its command name).

  perf record -e sched:sched_switch -e sched:sched_wakeup -C 0 -o sched.data   # during the rounds
  perf script -i sched.data -F time,event,trace | bench/sched_blame.py --io VOKI_PID

run.sh does this with BENCH_SCHED_TRACE=1 (needs perf and permission to trace the scheduler).
"""
import argparse
import collections
import re
import sys

SWITCH = re.compile(r'prev_comm=(.*?) prev_pid=(\d+) .*?prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)')
WAKEUP = re.compile(r'comm=(.*?) pid=(\d+)')


class Waits:
    """Run-queue waits of a set of threads, with the time blamed on whatever ran instead."""

    def __init__(self, title, is_target):
        self.title, self.is_target = title, is_target
        self.since = {}  # thread -> runnable since
        self.durations = []
        self.blame = collections.Counter()

    def ran(self, who, seconds):
        if self.since:
            self.blame[who] += seconds * len(self.since)

    def runnable(self, pid, comm, t):
        if self.is_target(pid, comm) and pid not in self.since:
            self.since[pid] = t

    def running(self, pid, t):
        if pid in self.since:
            self.durations.append(t - self.since.pop(pid))

    def report(self):
        d = sorted(self.durations)
        if not d:
            print(f"{self.title}: no waits seen")
            return
        pct = lambda p: d[min(len(d) - 1, int(p * len(d)))] * 1e3
        print(f"{self.title}: {len(d)} waits, mean {sum(d) / len(d) * 1e3:.3f} ms, p50 {pct(.5):.3f}, p90 {pct(.9):.3f},"
              f" p99 {pct(.99):.3f}, max {d[-1] * 1e3:.3f} ms; meanwhile on the CPU (ms):")
        total = sum(self.blame.values()) or 1
        for who, seconds in self.blame.most_common(8):
            print(f"    {who:20s} {seconds * 1e3:9.1f}  {100 * seconds / total:5.1f}%")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--io', type=int, required=True, help="the I/O thread's id (Voki's pid)")
    args = parser.parse_args()
    groups = [Waits('I/O thread', lambda pid, comm: pid == args.io),
              Waits('database threads', lambda pid, comm: comm == 'voki-db')]
    current, current_since = None, None
    for line in sys.stdin:
        parts = line.split(None, 2)
        if len(parts) < 3:
            continue
        try:
            t = float(parts[0].rstrip(':'))
        except ValueError:
            continue
        event, rest = parts[1].rstrip(':'), parts[2]
        if event.endswith('sched_switch'):
            m = SWITCH.search(rest)
            if not m:
                continue
            prev_comm, prev_pid, prev_state = m.group(1), int(m.group(2)), m.group(3)
            next_comm, next_pid = m.group(4), int(m.group(5))
            for g in groups:
                if current is not None:
                    g.ran(current, t - current_since)
                if prev_state.startswith('R'):  # preempted: still runnable
                    g.runnable(prev_pid, prev_comm, t)
                g.running(next_pid, t)
            current = 'idle' if next_pid == 0 else next_comm
            current_since = t
        elif event.endswith('sched_wakeup'):
            m = WAKEUP.search(rest)
            if not m:
                continue
            for g in groups:
                if current is not None:
                    g.ran(current, t - current_since)
                g.runnable(int(m.group(2)), m.group(1), t)
            current_since = t
    for g in groups:
        g.report()


if __name__ == '__main__':
    main()
