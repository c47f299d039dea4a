killed: SIGSEGV at address 0x[0-9a-f]+ \(stack overflow\)
