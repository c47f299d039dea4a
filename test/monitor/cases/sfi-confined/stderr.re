cVM prog \(#1\) killed: SIGSEGV at address 0x[0-9a-f]*10008, pc prog\+0x[0-9a-f]+$
