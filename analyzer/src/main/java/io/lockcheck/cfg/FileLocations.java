package io.lockcheck.cfg;

import org.eclipse.cdt.core.dom.ast.IASTFileLocation;
import org.eclipse.cdt.core.dom.ast.IASTNode;
import org.eclipse.cdt.core.dom.ast.IASTTranslationUnit;
import org.eclipse.cdt.internal.core.dom.parser.ASTNode;
import org.eclipse.cdt.internal.core.parser.scanner.ILocationResolver;

/**
 * {@link IASTNode#getFileLocation()} without its walk up to the translation unit, which costs
 * the node's depth: on a 100,000-term expression (generated code, a broken file) lowering every
 * operand that way is quadratic and takes minutes. The resolver is looked up once per function.
 */
final class FileLocations {
    private final ILocationResolver resolver;

    FileLocations(IASTNode anyNode) {
        IASTTranslationUnit tu = anyNode.getTranslationUnit();
        this.resolver = tu == null ? null : tu.getAdapter(ILocationResolver.class);
    }

    /** The same answer as {@code n.getFileLocation()}, in time independent of the node's depth. */
    IASTFileLocation of(IASTNode n) {
        if (resolver == null || !(n instanceof ASTNode a)) return n.getFileLocation();
        int offset = a.getOffset();
        if (offset < 0 || (offset == 0 && a.getLength() == 0 && !(n instanceof IASTTranslationUnit))) return null;
        return resolver.getMappedFileLocation(offset, a.getLength());
    }
}
