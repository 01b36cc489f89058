#!/usr/bin/env python3
"""The file system's share of a site build: create COUNT files of SIZE bytes in one new folder.

Two processes (one per core of the benchmark machine) each create every other file with
os.open/os.write/os.close, the same calls labsite's writer threads make for each page.
Prints the wall time and the system CPU the kernel spent, which is what creating and filling
labsite's event pages costs at best at that moment: it changes with the state of the file system
(see "File system" in README.md) and of the virtual machine, so site.sh measures it beside each
run's builds.

    create-files.py FOLDER COUNT SIZE
"""

import os
import resource
import sys
import time


def create(folder: str, count: int, size: int, first: int, step: int) -> None:
    data = b"x" * size
    for number in range(first, count, step):
        descriptor = os.open(f"{folder}/{number:08x}-probe.html", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(descriptor, data)
        os.close(descriptor)


def main() -> None:
    folder, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(folder)
    start = time.monotonic()
    workers = []
    for first in range(2):
        pid = os.fork()
        if pid == 0:
            create(folder, count, size, first, 2)
            os._exit(0)
        workers.append(pid)
    for pid in workers:
        _, status = os.waitpid(pid, 0)
        if status != 0:
            sys.exit(f"create-files.py: error: a worker failed with status {status}")
    wall = time.monotonic() - start
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(
        f"file system floor, {count:,} files of {size:,} bytes on two processes: "
        f"{wall:.2f} s wall, {children.ru_stime:.2f} s system, {children.ru_utime:.2f} s user"
    )


if __name__ == "__main__":
    main()
