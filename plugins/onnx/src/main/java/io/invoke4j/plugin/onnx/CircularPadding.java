package io.invoke4j.plugin.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.UnknownFieldSet.Field;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an ONNX model so that every padded 2-D convolution pads circularly (wrap-around) instead of with zeros,
 * as torch's {@code padding_mode='circular'} does, which is what InvokeAI's {@code --seamless} sets on every
 * {@code Conv2d}: images made with the rewritten UNet and VAE tile.
 *
 * <p>For each {@code Conv} node of the main graph with {@code pads = [top, left, bottom, right]} not all zero, the
 * pads become 0 and the node reads instead its input padded circularly by opset-14 operators, inserted right before
 * it (so the node list stays topologically sorted):
 * <pre>
 *   xw = Concat(Slice(x, -left..end, axis 3), x, Slice(x, 0..right, axis 3), axis=3)
 *   xp = Concat(Slice(xw, -top..end, axis 2), xw, Slice(xw, 0..bottom, axis 2), axis=2)
 * </pre>
 * (an empty side is left out). The Slice bounds are int64 initializers added to the graph. The opset is not changed.
 * Padding W first and then H fills the corners with the opposite corners, as torch does.
 *
 * <p>With one axis only ({@code --seamless_axes x} or {@code y}, InvokeAI 2.1+'s {@code seamless.py}), that axis
 * is padded as above and the other keeps its zero padding in the Conv's own {@code pads}: the corners are then
 * zeros, as InvokeAI's circular-then-constant {@code F.pad} pair gives.
 *
 * <p>Convolutions without padding (1x1, or the VAE encoder's downsampler that pads with an explicit {@code Pad}),
 * with {@code auto_pad=VALID}, and 1-D or 3-D convolutions are left as they are; {@code auto_pad=SAME_*} is refused,
 * since its pads are only known at run time. Convolutions inside subgraphs ({@code If}, {@code Loop}) and functions
 * are not visited: the diffusers exports have none.
 *
 * <p>The model is edited as a schema-less protobuf ({@link UnknownFieldSet}), so no ONNX classes are generated; the
 * field numbers below are those of onnx.proto. A model whose initializers keep their data in external files is
 * refused: ONNX Runtime opens the rewritten model from memory, where it could not find them.
 */
final class CircularPadding {

    // ModelProto
    private static final int MODEL_GRAPH = 7;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    private static final int GRAPH_VALUE_INFO = 13;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    private static final int NODE_DOMAIN = 7;
    // AttributeProto
    private static final int ATTRIBUTE_NAME = 1;
    private static final int ATTRIBUTE_I = 3;
    private static final int ATTRIBUTE_S = 4;
    private static final int ATTRIBUTE_INTS = 8;
    private static final int ATTRIBUTE_TYPE = 20;
    private static final int ATTRIBUTE_TYPE_INT = 2;
    private static final int ATTRIBUTE_TYPE_INTS = 7;
    // TensorProto (ValueInfoProto's name is field 1 too)
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_EXTERNAL_DATA = 13;
    private static final int TENSOR_DATA_LOCATION = 14;
    private static final int TENSOR_INT64 = 7;
    private static final int DATA_LOCATION_EXTERNAL = 1;
    private static final int VALUE_INFO_NAME = 1;

    private static final int AXIS_H = 2;
    private static final int AXIS_W = 3;

    private CircularPadding() {
    }

    /**
     * The model with circular padding on both axes in every padded 2-D {@code Conv}, or {@code model} itself (the
     * same array) when it has no such convolution.
     *
     * @see #rewrite(byte[], boolean, boolean)
     */
    static byte[] rewrite(byte[] model) {
        return rewrite(model, true, true);
    }

    /**
     * The model with circular padding along the width ({@code x}) and/or the height ({@code y}) in every padded
     * 2-D {@code Conv}, or {@code model} itself (the same array) when it has no such convolution or neither axis
     * is asked for.
     *
     * @param model a serialized ONNX ModelProto
     * @throws IllegalArgumentException, with a one-line message, when the bytes are not an ONNX model, when the
     *                                  model keeps weights in external files, or when a padded Conv uses
     *                                  {@code auto_pad=SAME_UPPER/SAME_LOWER}
     */
    static byte[] rewrite(byte[] model, boolean x, boolean y) {
        if (!x && !y) {
            return model;
        }
        UnknownFieldSet modelProto = parse(ByteString.copyFrom(model), "ModelProto");
        List<ByteString> graphs = modelProto.getField(MODEL_GRAPH).getLengthDelimitedList();
        if (graphs.isEmpty()) {
            throw new IllegalArgumentException("not an ONNX model: it has no graph");
        }
        // a repeated message field that is not repeated: the last occurrence wins (parsers merge them, but
        // exporters write one)
        UnknownFieldSet graph = parse(graphs.get(graphs.size() - 1), "GraphProto");
        Rewriter rewriter = new Rewriter(graph, x, y);
        List<ByteString> nodes = rewriter.rewriteNodes();
        if (rewriter.constants.isEmpty()) {
            return model;
        }
        Field.Builder initializers = Field.newBuilder().mergeFrom(graph.getField(GRAPH_INITIALIZER));
        rewriter.constants.values().forEach(initializers::addLengthDelimited);
        UnknownFieldSet newGraph = UnknownFieldSet.newBuilder(graph)
                .clearField(GRAPH_NODE).addField(GRAPH_NODE, lengthDelimited(nodes))
                .clearField(GRAPH_INITIALIZER).addField(GRAPH_INITIALIZER, initializers.build())
                .build();
        return UnknownFieldSet.newBuilder(modelProto)
                .clearField(MODEL_GRAPH).addField(MODEL_GRAPH, lengthDelimited(List.of(newGraph.toByteString())))
                .build()
                .toByteArray();
    }

    /** The rewrite of one graph: new nodes, new constants, and the names taken so far. */
    private static final class Rewriter {

        private final UnknownFieldSet graph;
        private final boolean circularW;
        private final boolean circularH;
        private final Set<String> names = new HashSet<>();
        /** Slice bound value: its int64 initializer, in the order first used. */
        private final Map<Long, ByteString> constants = new java.util.LinkedHashMap<>();
        private final Map<Long, String> constantNames = new HashMap<>();

        Rewriter(UnknownFieldSet graph, boolean circularW, boolean circularH) {
            this.graph = graph;
            this.circularW = circularW;
            this.circularH = circularH;
            for (ByteString tensor : graph.getField(GRAPH_INITIALIZER).getLengthDelimitedList()) {
                UnknownFieldSet initializer = parse(tensor, "TensorProto");
                String name = string(initializer, TENSOR_NAME);
                if (!initializer.getField(TENSOR_EXTERNAL_DATA).getLengthDelimitedList().isEmpty()
                        || initializer.getField(TENSOR_DATA_LOCATION).getVarintList().contains(
                                (long) DATA_LOCATION_EXTERNAL)) {
                    throw new IllegalArgumentException("seamless (circular padding) needs a self-contained ONNX"
                            + " model, but initializer '" + name + "' keeps its data in an external file");
                }
                names.add(name);
            }
            for (int field : new int[] {GRAPH_INPUT, GRAPH_OUTPUT, GRAPH_VALUE_INFO}) {
                for (ByteString valueInfo : graph.getField(field).getLengthDelimitedList()) {
                    names.add(string(parse(valueInfo, "ValueInfoProto"), VALUE_INFO_NAME));
                }
            }
        }

        List<ByteString> rewriteNodes() {
            List<UnknownFieldSet> nodes = new ArrayList<>();
            for (ByteString node : graph.getField(GRAPH_NODE).getLengthDelimitedList()) {
                UnknownFieldSet parsed = parse(node, "NodeProto");
                nodes.add(parsed);
                names.add(string(parsed, NODE_NAME));
                parsed.getField(NODE_OUTPUT).getLengthDelimitedList().forEach(o -> names.add(o.toStringUtf8()));
            }
            List<ByteString> rewritten = new ArrayList<>();
            int convolution = 0;
            for (UnknownFieldSet node : nodes) {
                if (!isConv(node)) {
                    rewritten.add(node.toByteString());
                    continue;
                }
                convolution++;
                rewriteConv(node, convolution, rewritten);
            }
            return rewritten;
        }

        /** Adds to {@code out} the nodes that pad the Conv's input, then the Conv itself, or only the Conv. */
        private void rewriteConv(UnknownFieldSet conv, int index, List<ByteString> out) {
            String nodeName = string(conv, NODE_NAME);
            String label = nodeName.isEmpty() ? "Conv #" + index : "Conv '" + nodeName + "'";
            List<ByteString> attributes = conv.getField(NODE_ATTRIBUTE).getLengthDelimitedList();
            int padsAt = -1;
            long[] pads = null;
            for (int i = 0; i < attributes.size(); i++) {
                UnknownFieldSet attribute = parse(attributes.get(i), "AttributeProto");
                String name = string(attribute, ATTRIBUTE_NAME);
                if (name.equals("pads")) {
                    padsAt = i;
                    pads = ints(attribute.getField(ATTRIBUTE_INTS));
                } else if (name.equals("auto_pad")) {
                    String autoPad = string(attribute, ATTRIBUTE_S);
                    if (autoPad.startsWith("SAME")) {
                        throw new IllegalArgumentException("seamless (circular padding) cannot rewrite " + label
                                + ": auto_pad=" + autoPad + " pads by sizes known only at run time");
                    }
                }
            }
            List<ByteString> inputs = conv.getField(NODE_INPUT).getLengthDelimitedList();
            // pads = [top, left, bottom, right]; the axes that stay zero-padded keep theirs in the Conv
            long[] kept = pads == null || pads.length != 4 ? null : new long[] {
                    circularH ? 0 : pads[0], circularW ? 0 : pads[1], circularH ? 0 : pads[2], circularW ? 0 : pads[3]};
            if (kept == null || allZero(pads) || java.util.Arrays.equals(kept, pads) || inputs.isEmpty()) {
                out.add(conv.toByteString());
                return;
            }
            String base = (nodeName.isEmpty() ? "conv" + index : nodeName) + "/circular_pad";
            String x = inputs.get(0).toStringUtf8();
            if (circularW) {
                x = pad(x, AXIS_W, pads[1], pads[3], base + "_w", out);
            }
            if (circularH) {
                x = pad(x, AXIS_H, pads[0], pads[2], base + "_h", out);
            }

            List<ByteString> newInputs = new ArrayList<>(inputs);
            newInputs.set(0, ByteString.copyFromUtf8(x));
            List<ByteString> newAttributes = new ArrayList<>(attributes);
            newAttributes.set(padsAt, attribute("pads", ATTRIBUTE_TYPE_INTS, ATTRIBUTE_INTS, kept));
            out.add(UnknownFieldSet.newBuilder(conv)
                    .clearField(NODE_INPUT).addField(NODE_INPUT, lengthDelimited(newInputs))
                    .clearField(NODE_ATTRIBUTE).addField(NODE_ATTRIBUTE, lengthDelimited(newAttributes))
                    .build().toByteString());
        }

        /**
         * Adds the nodes that pad {@code x} circularly by {@code before} and {@code after} along {@code axis} and
         * returns the padded value's name, or returns {@code x} when both are 0.
         */
        private String pad(String x, int axis, long before, long after, String base, List<ByteString> out) {
            if (before == 0 && after == 0) {
                return x;
            }
            List<String> parts = new ArrayList<>();
            if (before > 0) {
                // the last `before` entries: [-before, end)
                parts.add(slice(x, -before, Long.MAX_VALUE, axis, base + "_before", out));
            }
            parts.add(x);
            if (after > 0) {
                // the first `after` entries: [0, after)
                parts.add(slice(x, 0, after, axis, base + "_after", out));
            }
            String padded = fresh(base);
            out.add(node("Concat", fresh(base + "_concat"), parts, padded,
                    attribute("axis", ATTRIBUTE_TYPE_INT, ATTRIBUTE_I, new long[] {axis})));
            return padded;
        }

        private String slice(String x, long start, long end, int axis, String base, List<ByteString> out) {
            String sliced = fresh(base);
            out.add(node("Slice", fresh(base + "_slice"),
                    List.of(x, constant(start), constant(end), constant(axis)), sliced, null));
            return sliced;
        }

        /** The name of a 1-element int64 initializer holding {@code value}, added on first use. */
        private String constant(long value) {
            return constantNames.computeIfAbsent(value, v -> {
                String name = fresh("circular_pad_const_" + (v == Long.MAX_VALUE ? "end" : v.toString()));
                byte[] raw = ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
                constants.put(v, UnknownFieldSet.newBuilder()
                        .addField(TENSOR_DIMS, Field.newBuilder().addVarint(1).build())
                        .addField(TENSOR_DATA_TYPE, Field.newBuilder().addVarint(TENSOR_INT64).build())
                        .addField(TENSOR_NAME, lengthDelimited(List.of(ByteString.copyFromUtf8(name))))
                        .addField(TENSOR_RAW_DATA, lengthDelimited(List.of(ByteString.copyFrom(raw))))
                        .build().toByteString());
                return name;
            });
        }

        /** {@code base}, or {@code base_2}, {@code base_3}... : a name no value or node of the graph has. */
        private String fresh(String base) {
            String name = base;
            for (int i = 2; names.contains(name); i++) {
                name = base + "_" + i;
            }
            names.add(name);
            return name;
        }
    }

    private static boolean isConv(UnknownFieldSet node) {
        String domain = string(node, NODE_DOMAIN);
        return string(node, NODE_OP_TYPE).equals("Conv") && (domain.isEmpty() || domain.equals("ai.onnx"));
    }

    private static ByteString node(String opType, String name, List<String> inputs, String output,
            ByteString attribute) {
        UnknownFieldSet.Builder node = UnknownFieldSet.newBuilder()
                .addField(NODE_INPUT, lengthDelimited(inputs.stream().map(ByteString::copyFromUtf8).toList()))
                .addField(NODE_OUTPUT, lengthDelimited(List.of(ByteString.copyFromUtf8(output))))
                .addField(NODE_NAME, lengthDelimited(List.of(ByteString.copyFromUtf8(name))))
                .addField(NODE_OP_TYPE, lengthDelimited(List.of(ByteString.copyFromUtf8(opType))));
        if (attribute != null) {
            node.addField(NODE_ATTRIBUTE, lengthDelimited(List.of(attribute)));
        }
        return node.build().toByteString();
    }

    /** An INT ({@code i}, one value) or INTS ({@code ints}, unpacked) AttributeProto. */
    private static ByteString attribute(String name, int type, int valueField, long[] values) {
        Field.Builder value = Field.newBuilder();
        for (long v : values) {
            value.addVarint(v);
        }
        return UnknownFieldSet.newBuilder()
                .addField(ATTRIBUTE_NAME, lengthDelimited(List.of(ByteString.copyFromUtf8(name))))
                .addField(valueField, value.build())
                .addField(ATTRIBUTE_TYPE, Field.newBuilder().addVarint(type).build())
                .build().toByteString();
    }

    private static Field lengthDelimited(List<ByteString> values) {
        Field.Builder field = Field.newBuilder();
        values.forEach(field::addLengthDelimited);
        return field.build();
    }

    /** A repeated int64 field, written unpacked (varints) or packed (length-delimited runs of varints). */
    static long[] ints(Field field) {
        List<Long> values = new ArrayList<>(field.getVarintList());
        for (ByteString packed : field.getLengthDelimitedList()) {
            try {
                CodedInputStream in = packed.newCodedInput();
                while (!in.isAtEnd()) {
                    values.add(in.readInt64());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("not an ONNX model: a malformed packed int64 list", e);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    /** The last value of a string field, or "" when it is absent. */
    static String string(UnknownFieldSet message, int number) {
        List<ByteString> values = message.getField(number).getLengthDelimitedList();
        return values.isEmpty() ? "" : new String(values.get(values.size() - 1).toByteArray(), StandardCharsets.UTF_8);
    }

    static UnknownFieldSet parse(ByteString bytes, String what) {
        try {
            return UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not an ONNX model: cannot parse a " + what + ": " + e.getMessage(), e);
        }
    }

    private static boolean allZero(long[] values) {
        for (long v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
