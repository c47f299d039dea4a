^orc run: prog: cannot start: arguments and environment take 300130 bytes, more than the limit of 65536 .*: Argument list too long$
