orc: cVM prog \(#[0-9]+\) killed: SIGSEGV at address 0x[0-9a-f]*00000010, pc prog\+0x[0-9a-f]+
