package io.lockcheck.frontend;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shapes fast mode derives from a file's own use of macros it has no definition for. */
class FileShapesTest {
    private static String shapes(String c) {
        return FileShapes.of(c.toCharArray());
    }

    @Test
    void callFollowedByAStatementIsALoopAndAssignsItsCursor() {
        String s = shapes("""
                static void f(struct drm_device *dev)
                {
                	struct drm_crtc *crtc;

                	drm_for_each_crtc(crtc, dev) {
                		g(crtc);
                	}
                	with_foo(dev) h(dev);
                	done(dev);
                }
                """);
        assertEquals(List.of("drm_for_each_crtc", "with_foo"), namesOf(s));
        assertTrue(s.contains("#define drm_for_each_crtc(a0, ...) for ("), s);
        assertTrue(s.contains("((a0) = __lockcheck_next(__lockcheck_it))"), "crtc is the cursor:\n" + s);
        assertTrue(s.contains("#define with_foo(...) " + FileShapes.LOOP), "dev is a parameter, not a cursor:\n" + s);
    }

    @Test
    void functionDefinitionsPlainCallsAndDefinedMacrosAreNotLoops() {
        String s = shapes("""
                #define my_each(x) for (x = 0; x < 4; x++)
                int helper(int a) { return a; }
                static void f(int i)
                {
                	helper(i);
                	my_each(i) helper(i);
                	if (helper(i)) return;
                }
                """);
        assertEquals("", s);
    }

    @Test
    void aNameNextToAStringLiteralIsAStringMacro() {
        String s = shapes("void f(void) { pr_info(\"mode \" DRM_MODE_FMT \"\\n\", 1); printk(KERN_X \"a\"); }\n");
        assertEquals("#define DRM_MODE_FMT \"\"\n#define KERN_X \"\"\n", s);
    }

    private static List<String> namesOf(String shapes) {
        return shapes.lines().map(l -> l.split("[ (]")[1]).toList();
    }
}
