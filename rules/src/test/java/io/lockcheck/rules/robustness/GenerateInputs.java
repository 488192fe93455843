package io.lockcheck.rules.robustness;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes generated inputs to a directory, to look at one that a report names:
 * {@code GenerateInputs SAMPLES KERNEL|- SEED FIRST [COUNT] OUTDIR} (see bench/robustness/run).
 */
public final class GenerateInputs {
    private GenerateInputs() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: GenerateInputs SAMPLES KERNEL|- SEED FIRST [COUNT] OUTDIR");
            System.exit(2);
        }
        Path kernel = args[1].equals("-") ? null : Path.of(args[1]);
        Mutations m = new Mutations(Corpus.of(Path.of(args[0]), kernel));
        long seed = Long.parseLong(args[2]);
        int first = Integer.parseInt(args[3]);
        int count = args.length > 5 ? Integer.parseInt(args[4]) : 1;
        Path out = Files.createDirectories(Path.of(args[args.length - 1]));
        for (int i = first; i < first + count; i++) {
            Mutations.Input in = m.generate(seed, i);
            Files.write(out.resolve(in.fileName()), in.bytes());
            System.out.println(out.resolve(in.fileName()) + "  (" + in.kind() + " of " + in.origin() + ")");
        }
    }
}
