killed: SIGSYS \(a raw system call, refused\)
