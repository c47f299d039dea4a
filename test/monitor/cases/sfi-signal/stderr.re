orc: cVM prog \(#[0-9]+\) killed: SIGSEGV \(signal handler outside its objects. code or bundles at 0x[0-9a-f]+\)
