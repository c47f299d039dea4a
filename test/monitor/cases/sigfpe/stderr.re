killed: SIGFPE
