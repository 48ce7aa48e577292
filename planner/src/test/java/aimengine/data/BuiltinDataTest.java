package aimengine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aimengine.io.DataFolders;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The compact built-in data the build writes holds exactly what the built-in YAML says, and survives a round trip. */
class BuiltinDataTest {
    private static DataCodec.Contents fromYaml() {
        return DataFiles.builtin(DataFolders.builtin("rules").getParent());
    }

    @Test
    void theBuildWroteTheBuiltinDataAndItEqualsTheYaml() throws IOException {
        DataCodec.Contents compact = BuiltinData.read().orElseThrow(() -> new AssertionError(
                BuiltinData.RESOURCE + " is missing: the process-classes step of planner did not run")).contents();
        DataCodec.Contents yaml = fromYaml();
        assertEquals(yaml.hardware(), compact.hardware());
        assertEquals(yaml.recipes(), compact.recipes());
        assertEquals(yaml.models(), compact.models());
        assertEquals(yaml.trust(), compact.trust());
        assertEquals(yaml.architectures(), compact.architectures());
        assertEquals(yaml.drl(), compact.drl());
        assertFalse(compact.drl().isEmpty(), "the built-in DRL is in it");
        assertTrue(compact.recipes().stream().anyMatch(r -> r.isGeneral()), "general recipes are in it");
        assertTrue(compact.recipes().stream().anyMatch(r -> !r.isGeneral()), "model recipes are in it");
        assertFalse(compact.models().isEmpty());
        assertNotNull(compact.trust());
    }

    @Test
    void encodeThenDecodeGivesTheSameData() throws IOException {
        DataCodec.Contents yaml = fromYaml();
        assertEquals(yaml, DataCodec.decode(DataCodec.encode(yaml)));
    }

    @Test
    void damagedOrForeignBytesAreRefusedNotMisread() {
        byte[] good = DataCodec.encode(fromYaml());
        assertThrows(IOException.class, () -> DataCodec.decode(Arrays.copyOf(good, good.length / 2)), "truncated");
        assertThrows(IOException.class, () -> DataCodec.decode("hardware: []\n".getBytes()), "another format");
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        assertThrows(IOException.class, () -> DataCodec.decode(trailing), "trailing bytes");
        byte[] otherFormat = good.clone();
        otherFormat[7]++;
        assertThrows(IOException.class, () -> DataCodec.decode(otherFormat), "another format version");
    }

    @Test
    void aLoaderWithTheBuiltinsGivesTheCompactData() {
        DataLoader loader = new DataLoader(DataOptions.builtins());
        DataCodec.Contents yaml = fromYaml();
        assertEquals(yaml.hardware().size(), loader.hardware().all().size());
        assertEquals(yaml.recipes().size(), loader.recipes(loader.hardware()).size());
        assertEquals(yaml.trust(), loader.trustPolicy(null));
        assertEquals(yaml.architectures(), loader.nativeArchitectures());
        assertEquals(yaml.models().size(), loader.models().entries().size());
    }

    @Test
    void withoutTheBuiltinHardwareTheBuiltinRecipesAreCheckedAgainstTheGivenOne(@org.junit.jupiter.api.io.TempDir Path rules)
            throws IOException {
        java.nio.file.Files.createDirectories(rules.resolve("hardware"));
        java.nio.file.Files.writeString(rules.resolve("hardware/only.yaml"), """
                hardware:
                  - key: mi210
                    vendor: amd
                    name: AMD Instinct MI210
                    pci_device_ids: [0x740f]
                    llvm_target: gfx90a
                    vram_mib: 65520
                    devices_per_package: 1
                    precisions: [bf16, fp16]
                    interconnect: xgmi
                """);
        DataLoader loader = new DataLoader(new DataOptions(java.util.List.of(), true, java.util.List.of(rules), false,
                java.util.List.of()));
        aimengine.io.InputException e = assertThrows(aimengine.io.InputException.class,
                () -> loader.recipes(loader.hardware()));
        assertTrue(e.getMessage().contains("unknown hardware"), e.getMessage());
    }

    @Test
    void aUserRecipeReusingABuiltinIdIsReportedWithBothPlaces(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        java.nio.file.Files.copy(Path.of("../recipes/Qwen/qwen3-32b-mi300x-bf16.yaml"), dir.resolve("mine.yaml"));
        DataLoader loader = new DataLoader(new DataOptions(java.util.List.of(dir), true, java.util.List.of(), true,
                java.util.List.of()), dir.resolve("cache"));
        aimengine.io.InputException e = assertThrows(aimengine.io.InputException.class,
                () -> loader.recipes(loader.hardware()));
        assertTrue(e.getMessage().contains("duplicate recipe id 'qwen3-32b-mi300x-bf16', already defined in "
                + "builtin:recipes/Qwen/qwen3-32b-mi300x-bf16.yaml:"), e.getMessage());
        assertTrue(e.getMessage().startsWith(dir.resolve("mine.yaml") + ":"), e.getMessage());
    }
}
