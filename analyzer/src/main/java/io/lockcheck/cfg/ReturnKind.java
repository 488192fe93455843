package io.lockcheck.cfg;

/**
 * What a return statement returns, as far as "acquired on success" contracts care:
 * ZERO (0, NULL, false), POSITIVE (1, true), NEGATIVE (-EINVAL, ERR_PTR()), VAR (a local
 * whose value may be known from a branch), CONSTANT (a named constant such as VM_FAULT_RETRY),
 * OTHER (any other expression), VOID.
 */
public enum ReturnKind {
    ZERO, POSITIVE, NEGATIVE, CONSTANT, VAR, OTHER, VOID
}
