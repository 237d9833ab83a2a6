package io.invoke4j.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** InvokeAI's rules for a model's name and default size, as !import_model checks them. */
class ModelSettingsTest {

    @Test
    void aNameIsWordCharactersDotsUnderscoresAndDashesAsPythonReadsThem() {
        for (String name : new String[] {"tiny-sd", "stable-diffusion-1.5", "my_model", "modèle", "模型", "1.5"}) {
            assertTrue(ModelSettings.isValidName(name), name);
        }
        for (String name : new String[] {"", "my model", "a/b", "a:b", "plus+"}) {
            assertFalse(ModelSettings.isValidName(name), name);
        }
    }

    @Test
    void sizesAreSixtyFourToTwoThousandFortyEight() {
        assertTrue(ModelSettings.isValidSize(64) && ModelSettings.isValidSize(2048));
        assertFalse(ModelSettings.isValidSize(63) || ModelSettings.isValidSize(2049));
    }

    @Test
    void settingsOutsideTheRulesCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> new ModelSettings("a b", "", Path.of("m"), 512, 512, false));
        assertThrows(IllegalArgumentException.class, () -> new ModelSettings("a", "", Path.of("m"), 32, 512, false));
    }
}
