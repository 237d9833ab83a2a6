package io.invoke4j.host.command;

import java.util.List;
import java.util.Set;

/**
 * A small table with each kind of switch the invoke> table has: flags, a single-dash long name and a value
 * switch, so the reading rules can be tested apart from InvokeAI's table.
 */
final class TestSwitches {
    static final Switch<Boolean> HELP = Switch.of(ValueType.FLAG, (request, value) -> { }, "-h", "--help")
            .help("show this help message and exit");
    static final Switch<Integer> STEPS = Switch.of(ValueType.INT, (request, value) -> request.steps(value),
            "-s", "--steps").help("Number of steps");
    static final Switch<Boolean> GRID = Switch.of(ValueType.FLAG, (request, value) -> { }, "--grid", "-g")
            .help("generate a grid");
    static final Switch<Boolean> SKIP_NORMALIZE = Switch.of(ValueType.FLAG, (request, value) -> { },
            "-x", "--skip_normalize");
    static final Switch<Boolean> SAVE_ORIGINAL = Switch.of(ValueType.FLAG, (request, value) -> { },
            "--save_original", "-save_orig");

    private TestSwitches() {
    }

    static SwitchTable table() {
        return new SwitchTable(HELP, List.of(
                new SwitchTable.Section("General rendering", List.of(STEPS, GRID, SKIP_NORMALIZE)),
                new SwitchTable.Section("Post-processing", List.of(SAVE_ORIGINAL))), Set.of("-G", "-fit"));
    }
}
