package io.lockcheck.guard;

import java.util.List;
import java.util.Map;

/**
 * A struct's fields as lockcheck needs them: the declared type text of each field and the
 * lock annotations on it ({@code __guarded_by(&lock)} as kind "guarded_by", text "&lock").
 */
public record StructDef(String name, Map<String, Field> fields, String origin) {
    public record Field(String type, List<FieldAnnotation> annotations) {
        public Field {
            annotations = List.copyOf(annotations);
        }
    }

    public record FieldAnnotation(String kind, String text, int line) {
    }

    public StructDef {
        fields = Map.copyOf(fields);
    }
}
