package io.invoke4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DeviceTest {

    @Test
    void parsesTheDeviceNamesOfEngineOptions() {
        assertEquals(Device.CPU, Device.parse("cpu"));
        assertEquals(Device.CPU, Device.parse(" CPU "));
        assertEquals(Device.AUTO, Device.parse("auto"));
        assertEquals(Device.AUTO, Device.parse(null));
        assertEquals(Device.AUTO, Device.parse(""));
        assertEquals(new Device(Device.Kind.CUDA, 0), Device.parse("cuda"));
        assertEquals(new Device(Device.Kind.CUDA, 2), Device.parse("cuda:2"));
        assertEquals("cuda:2", Device.parse("cuda:2").toString());
    }

    @Test
    void refusesOtherNames() {
        for (String bad : new String[] {"gpu", "cuda:", "cuda:-1", "cuda:one", "mps"}) {
            assertThrows(InferenceException.class, () -> Device.parse(bad), bad);
        }
    }
}
