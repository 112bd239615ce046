package dev.sweep.testkit;

import dev.sweep.space.ParameterDeclaration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What every kind of extension chosen by {@code type:} must have: a plain name, a description, sound settings. */
final class TypeChecks {
    private TypeChecks() {
    }

    /** @param optional settings that may have no default (a text an executor needs, say) */
    static void wellFormed(String name, String description, List<ParameterDeclaration> settings, boolean optional) {
        assertThat(name).matches("[a-z][a-z0-9_-]*");
        assertThat(description).isNotBlank();
        for (ParameterDeclaration setting : settings) {
            assertThat(setting.name()).as("type is the section's own key").isNotEqualTo("type");
            if (!optional || setting.defaultValue() != null) {
                assertThat(setting.defaultValue()).as(name + "." + setting.name() + " has a default").isNotNull();
                assertThat(setting.problemWith(setting.defaultValue())).as(name + "." + setting.name()).isNull();
            }
        }
    }

    static Map<String, Object> defaults(List<ParameterDeclaration> settings) {
        Map<String, Object> values = new LinkedHashMap<>();
        settings.forEach(s -> values.put(s.name(), s.defaultValue()));
        return values;
    }
}
