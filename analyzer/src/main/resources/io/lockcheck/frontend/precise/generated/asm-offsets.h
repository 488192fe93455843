/* lockcheck's stand-in for include/generated/asm-offsets.h: only assembly uses its values. */
