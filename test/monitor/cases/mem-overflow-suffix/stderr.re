^orc run: --mem: '17179869185G' is more than the limit of 1099511627776 bytes$
