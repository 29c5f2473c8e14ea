package org.switchboard.base.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text in a JSON request may not hold the NUL character ({@code \u0000}): PostgreSQL cannot store it, and a note or a
 * reason with one failed on writing (500). It is refused on reading, as 400 naming the field.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

    static final String NUL_REASON = "Text may not contain the NUL character (\\u0000)";

    @Bean
    JsonMapperBuilderCustomizer noNulInText() {
        return builder -> builder.addModule(new SimpleModule("switchboard-text").addDeserializer(String.class, new NoNul()));
    }

    /** Strings as Jackson reads them, refused when they hold a NUL. */
    static final class NoNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) {
            String text = super.deserialize(p, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, NUL_REASON, text, String.class);
            }
            return text;
        }
    }
}
