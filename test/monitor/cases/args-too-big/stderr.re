^orc run: prog: cannot start: arguments and environment take 300056 bytes, more than the limit of 65536 .*: Argument list too long$
