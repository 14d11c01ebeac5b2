package dev.kestrasdk.docs;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.util.DocTrees;
import jdk.javadoc.doclet.Doclet;
import jdk.javadoc.doclet.DocletEnvironment;
import jdk.javadoc.doclet.Reporter;

import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A doclet that lists the public and protected methods and constructors of the documented types whose doc
 * comment has no example (no {@code <pre>} block). Overrides of JDK interfaces are included: they are the API too.
 * Members the compiler makes (a record's accessors, an enum's {@code values}) and non-public types are skipped.
 */
public final class ExamplesDoclet implements Doclet {
    /** What the last run found, {@code Type#member(params)} each; the doclet runs in the test's own JVM. */
    public static final List<String> MISSING = new ArrayList<>();

    @Override
    public void init(Locale locale, Reporter reporter) {
    }

    @Override
    public String getName() {
        return "examples";
    }

    @Override
    public Set<? extends Option> getSupportedOptions() {
        return Set.of();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latest();
    }

    /**
     * False for what the compiler makes: a record's accessors and an enum's {@code values} have no source; a
     * record's implicit canonical constructor has the record's, and no doc comment (an explicit one without a
     * comment fails doclint in the build).
     */
    private static boolean inSource(DocTrees trees, Element member) {
        if (trees.getPath(member) == null) {
            return false;
        }
        boolean recordConstructor = member.getKind() == ElementKind.CONSTRUCTOR && member.getEnclosingElement().getKind() == ElementKind.RECORD
                && ((ExecutableElement) member).getParameters().size() == ((TypeElement) member.getEnclosingElement()).getRecordComponents().size();
        return !(recordConstructor && trees.getDocCommentTree(member) == null);
    }

    @Override
    public boolean run(DocletEnvironment environment) {
        MISSING.clear();
        DocTrees trees = environment.getDocTrees();
        for (TypeElement type : ElementFilter.typesIn(environment.getIncludedElements())) {
            if (!type.getModifiers().contains(Modifier.PUBLIC)) {
                continue;
            }
            for (Element member : type.getEnclosedElements()) {
                boolean executable = member.getKind() == ElementKind.METHOD || member.getKind() == ElementKind.CONSTRUCTOR;
                boolean visible = member.getModifiers().contains(Modifier.PUBLIC) || member.getModifiers().contains(Modifier.PROTECTED);
                if (!executable || !visible || !inSource(trees, member)) {
                    continue;
                }
                DocCommentTree comment = trees.getDocCommentTree(member);
                if (comment == null || !comment.toString().contains("<pre>")) {
                    MISSING.add(type.getQualifiedName() + "#" + member.getSimpleName());
                }
            }
        }
        return true;
    }
}
