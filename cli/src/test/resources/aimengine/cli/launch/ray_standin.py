#!/usr/bin/env python3
# TEST STAND-IN FOR Ray's `ray` program -- NOT Ray. Used only by aim-engine's tests, installed on PATH as `ray` so
# that a multi-node `aim-engine run` on vLLM's Ray runtime takes its real code path. It accepts
# `ray start --head --port P --node-ip-address IP --block` and `ray start --address HOST:PORT --node-ip-address IP
# --block`, prints what it would do and stays in the foreground until SIGTERM, as `ray start --block` does.
import os
import signal
import sys
import time


def main(argv):
    if len(argv) < 2 or argv[0] != "start" or "--block" not in argv:
        print("usage: ray start (--head --port P | --address HOST:PORT) --node-ip-address IP --block  (test stand-in)",
              file=sys.stderr)
        return 2
    role = "head" if "--head" in argv else "worker"
    signal.signal(signal.SIGTERM, lambda s, f: (os.write(1, b"STANDIN ray stopping (SIGTERM)\n"), os._exit(0)))
    print("STANDIN test stand-in for Ray (not Ray): %s, pid %d, argv %s, VLLM_HOST_IP=%s"
          % (role, os.getpid(), " ".join(argv), os.environ.get("VLLM_HOST_IP")), flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
