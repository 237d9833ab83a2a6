package io.invoke4j.host.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

class GuiceExtensionFactoryTest {

    /** A host service an extension may ask for. */
    static final class Greeting {
        final String text;

        Greeting(String text) {
            this.text = text;
        }
    }

    /** An extension with an injected constructor. */
    static final class GreetingExtension {
        final Greeting greeting;

        @Inject
        GreetingExtension(Greeting greeting) {
            this.greeting = greeting;
        }
    }

    @Test
    void extensionsAreBuiltByTheInjectorOnceEach() {
        GuiceExtensionFactory factory = new GuiceExtensionFactory(Guice.createInjector(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Greeting.class).toInstance(new Greeting("hello"));
            }
        }));
        GreetingExtension first = factory.create(GreetingExtension.class);
        assertEquals("hello", first.greeting.text);
        assertSame(first, factory.create(GreetingExtension.class));
    }
}
