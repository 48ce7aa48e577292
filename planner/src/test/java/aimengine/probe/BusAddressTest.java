package aimengine.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BusAddressTest {
    @Test
    void toolSpellingsBecomeOne() {
        assertEquals("0000:0c:00.0", BusAddress.normalize("00000000:0C:00.0"));
        assertEquals("0000:0c:00.0", BusAddress.normalize(" 0000:0C:00.0\n"));
        assertEquals("0000:0c:00.0", BusAddress.normalize("0c:00.0"));
        assertEquals("0001:e5:1f.7", BusAddress.normalize("0001:E5:1F.7"));
    }

    @Test
    void anythingElseIsNoAddress() {
        assertNull(BusAddress.normalize("N/A"));
        assertNull(BusAddress.normalize("0000:0c:00.8"));
        assertNull(BusAddress.normalize(null));
    }

    @Test
    void kfdLocationIdHoldsBusDeviceAndFunction() {
        assertEquals("0000:05:00.1", BusAddress.fromKfd(0, 1281));
        assertEquals("0000:63:00.0", BusAddress.fromKfd(0, 25344));
        assertEquals("0002:c1:1f.7", BusAddress.fromKfd(2, 0xc1ff));
    }

    @Test
    void packageDropsTheFunction() {
        assertEquals("0000:05:00", BusAddress.packageOf("0000:05:00.7"));
        assertNull(BusAddress.packageOf(null));
    }
}
