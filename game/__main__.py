import multiprocessing
import sys

from game.cli import main

if __name__ == "__main__":  # not again in a worker process (study and simulate --jobs)
    multiprocessing.freeze_support()  # the packaged binary's workers start through here
    sys.exit(main())
