package io.lockcheck.rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** A provider of rules, found through {@link ServiceLoader} (the rules module registers one). */
public interface RuleSet {
    List<Rule> rules();

    /** Every rule on the class path, sorted by id. */
    static List<Rule> loadAll() {
        List<Rule> all = new ArrayList<>();
        for (RuleSet set : ServiceLoader.load(RuleSet.class)) {
            all.addAll(set.rules());
        }
        all.sort(Comparator.comparing(r -> r.info().id()));
        return all;
    }
}
