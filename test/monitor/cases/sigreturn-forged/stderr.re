orc: cVM prog \(#[0-9]+\) killed: SIGSEGV \(rt_sigreturn: a frame the monitor did not make, rip 0x[0-9a-f]+\)
