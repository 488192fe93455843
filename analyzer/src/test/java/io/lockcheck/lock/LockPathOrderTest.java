package io.lockcheck.lock;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lock maps are sorted by LockPath; the order must stay that of the paths' text. */
class LockPathOrderTest {
    @Test
    void orderIsTheOrderOfTheText() {
        Random r = new Random(7);
        String[] roots = {"a", "ab", "obj", "o", "", "lru"};
        String[] segs = {"->lock", ".lock", "->l", "[i]", "[0]", ".lru", "->lru", ""};
        List<LockPath> paths = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            List<String> s = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) s.add(segs[r.nextInt(segs.length)]);
            paths.add(new LockPath(roots[r.nextInt(roots.length)], s));
        }
        for (LockPath x : paths) {
            for (LockPath y : paths) {
                assertEquals(Integer.signum(x.toString().compareTo(y.toString())), Integer.signum(x.compareTo(y)),
                        x + " vs " + y);
            }
        }
    }
}
