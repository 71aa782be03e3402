package dev.automateos.engine.node;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Form hints for one config field, copied into the generated JSON Schema ({@code title},
 * {@code description}, {@code x-ui-widget}, {@code x-ui-placeholder}). The only way to pass UI hints:
 * there is deliberately no free-form map.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Ui {

    /** Label; defaults to the field name in sentence case. */
    String title() default "";

    /** Help text under the field. */
    String description() default "";

    /** Example shown in an empty field. */
    String placeholder() default "";

    Widget widget() default Widget.DEFAULT;

    /** How the form renders the field. */
    enum Widget {
        /** Whatever fits the schema type. */
        DEFAULT,
        /** Multi-line text. */
        TEXTAREA,
        /** Code editor (JSONata, JSON). */
        CODE
    }
}
