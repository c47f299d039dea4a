^orc run: --mem: '18446744073709551615' is more than the limit of 1099511627776 bytes$
