/* lockcheck's stand-in for include/generated/bounds.h (kernel/bounds.c on x86-64 defconfig). */
#define NR_PAGEFLAGS 23
#define MAX_NR_ZONES 4
#define NR_CPUS_BITS 6
#define SPINLOCK_SIZE 4
#define LRU_GEN_WIDTH 0
#define __LRU_REFS_WIDTH 0
