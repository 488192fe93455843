#!/usr/bin/env bash
# Runs sparse on one kernel file with the flags `make C=2` would pass on x86_64, reconstructed:
# the partial tree here is not configured (no .config, no include/generated), so this makes the
# generated asm-generic wrappers from the Kbuild lists and a small autoconf.h (x86_64 SMP,
# lockdep off) in a temporary directory. Usage: bench/sparse-tree.sh KERNEL_DIR FILE.c
set -euo pipefail
k=$1 file=$2
gen=$(mktemp -d)
trap 'rm -rf "$gen"' EXIT
mkdir -p "$gen/include/generated" "$gen/asm/asm" "$gen/uapi/asm"
wrap() { # wrap KBUILD_FILE OUT_DIR ARCH_DIR
    sed -n 's/^\(mandatory\|generic\)-y *+= *\([a-z0-9_-]*\.h\).*/\2/p' "$k/$1" | while read -r h; do
        [ -e "$k/$3/$h" ] || echo "#include <asm-generic/$h>" > "$2/$h"
    done
}
wrap include/asm-generic/Kbuild "$gen/asm/asm" arch/x86/include/asm
wrap arch/x86/include/asm/Kbuild "$gen/asm/asm" arch/x86/include/asm
wrap include/uapi/asm-generic/Kbuild "$gen/uapi/asm" arch/x86/include/uapi/asm
for h in unistd_64.h unistd_32.h unistd_x32.h; do : > "$gen/uapi/asm/$h"; done
for h in syscalls_64.h unistd_64_x32.h unistd_32_ia32.h orc_hash.h xen-hypercalls.h cpufeaturemasks.h; do : > "$gen/asm/asm/$h"; done
cat > "$gen/include/generated/autoconf.h" <<'H'
#define CONFIG_X86_64 1
#define CONFIG_X86 1
#define CONFIG_64BIT 1
#define CONFIG_SMP 1
#define CONFIG_NR_CPUS 64
#define CONFIG_MMU 1
#define CONFIG_PAGE_SHIFT 12
#define CONFIG_HZ 250
#define CONFIG_DRM 1
#define CONFIG_X86_L1_CACHE_SHIFT 6
#define CONFIG_X86_INTERNODE_CACHE_SHIFT 6
#define CONFIG_TREE_RCU 1
#define CONFIG_TREE_SRCU 1
#define CONFIG_PREEMPT_NONE 1
#define CONFIG_NR_IRQS 4352
#define CONFIG_LOG_BUF_SHIFT 18
#define CONFIG_ARCH_HAS_CACHE_LINE_SIZE 1
#define CONFIG_NODES_SHIFT 6
#define CONFIG_BASE_SMALL 0
#define CONFIG_PHYSICAL_ALIGN 0x200000
#define CONFIG_PHYSICAL_START 0x1000000
#define CONFIG_ILLEGAL_POINTER_VALUE 0xdead000000000000
#define CONFIG_FRAME_WARN 2048
#define CONFIG_NR_CPUS_DEFAULT 64
#define CONFIG_PGTABLE_LEVELS 4
#define CONFIG_SPARSEMEM 1
#define CONFIG_SPARSEMEM_VMEMMAP 1
H
for h in bounds.h timeconst.h asm-offsets.h rustc_cfg utsrelease.h compile.h; do : > "$gen/include/generated/$h"; done
echo '#define NR_PAGEFLAGS 32
#define MAX_NR_ZONES 4
#define NR_CPUS_BITS 6
#define SPINLOCK_SIZE 4' > "$gen/include/generated/bounds.h"
echo '#define HZ_TO_MSEC_SHR32 0
#define MSEC_TO_HZ_SHR32 0' > "$gen/include/generated/timeconst.h"
cd "$k"
exec sparse -D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__ -Wbitwise -Wno-return-void -Wno-unknown-attribute \
    -D__x86_64__ --arch=x86_64 -mlittle-endian -m64 -nostdinc \
    -I./arch/x86/include -I"$gen/asm" -I./include -I"$gen/include" -I./arch/x86/include/uapi -I"$gen/uapi" \
    -I./include/uapi -include ./include/linux/compiler-version.h -include ./include/linux/kconfig.h \
    -include ./include/linux/compiler_types.h -D__KERNEL__ -std=gnu11 -fshort-wchar -funsigned-char \
    -DKBUILD_BASENAME='"bench"' -DKBUILD_MODNAME='"bench"' -D__KBUILD_MODNAME=kmod_bench "$file"
