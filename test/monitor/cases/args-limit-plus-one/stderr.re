^orc run: prog: cannot start: arguments and environment take 65537 bytes, more than the limit of 65536 \(a quarter of the cVM.s stack\): Argument list too long$
