package aimengine.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups devices into physical packages by bus address without the function (the partitions of a CPX MI300X are
 * functions .0 to .7 of one address) and names the compute partition mode where a tool did not.
 */
final class Partitions {
    private Partitions() {
    }

    static List<ProbedGpu> assign(List<ProbedGpu> gpus) {
        Map<String, Integer> perPackage = new LinkedHashMap<>();
        for (ProbedGpu g : gpus) {
            String pkg = BusAddress.packageOf(g.device().busAddress());
            if (pkg != null) {
                perPackage.merge(pkg, 1, Integer::sum);
            }
        }
        List<ProbedGpu> result = new ArrayList<>();
        for (ProbedGpu g : gpus) {
            GpuDevice d = g.device();
            String pkg = BusAddress.packageOf(d.busAddress());
            String partition = d.partition();
            if (partition == null && pkg != null && d.vendor().equals("amd")) {
                partition = mode(perPackage.get(pkg), g.xccCount());
            }
            result.add(g.withDevice(d.withPackage(pkg, partition)));
        }
        return result;
    }

    /**
     * The mode from the partitions seen per package and the compute dies (XCCs) per partition. One XCC per partition is
     * CPX whatever the count (8 on an MI300X, 4 on an MI308X, and 7 in a tree that lost a node); a whole package with
     * several XCCs is SPX; a single-XCC GPU that is not partitioned (MI210) has no mode.
     */
    static String mode(int partitions, int xcc) {
        if (partitions == 1) {
            return xcc > 1 ? "SPX" : null;
        }
        if (xcc == 1) {
            return "CPX";
        }
        return switch (partitions) {
            case 2 -> "DPX";
            case 3 -> "TPX";
            case 4 -> "QPX";
            case 6, 8 -> "CPX";
            default -> null;
        };
    }
}
