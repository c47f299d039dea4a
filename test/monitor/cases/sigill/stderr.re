killed: SIGILL
