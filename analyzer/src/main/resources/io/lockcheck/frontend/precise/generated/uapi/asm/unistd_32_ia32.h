/* lockcheck: stand-in for the generated syscall table header; no syscall numbers are needed */
