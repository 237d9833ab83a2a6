package io.invoke4j.plugin.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.UnknownFieldSet.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads and builds ONNX protobufs field by field for the tests, independently of {@link CircularPadding}'s own
 * reading (field numbers from onnx.proto).
 */
final class OnnxProtos {

    /** One node: op type, inputs, and its {@code pads} attribute (null when absent). */
    record Node(String opType, List<String> inputs, long[] pads) {
    }

    private OnnxProtos() {
    }

    /** The main graph's nodes, in order. */
    static List<Node> nodes(byte[] model) {
        UnknownFieldSet graph = message(last(message(model).getField(7)));
        List<Node> nodes = new ArrayList<>();
        for (ByteString bytes : graph.getField(1).getLengthDelimitedList()) {
            UnknownFieldSet node = message(bytes);
            List<String> inputs = node.getField(1).getLengthDelimitedList().stream().map(ByteString::toStringUtf8)
                    .toList();
            long[] pads = null;
            for (ByteString attributeBytes : node.getField(5).getLengthDelimitedList()) {
                UnknownFieldSet attribute = message(attributeBytes);
                if (last(attribute.getField(1)).toStringUtf8().equals("pads")) {
                    pads = CircularPadding.ints(attribute.getField(8));
                }
            }
            nodes.add(new Node(last(node.getField(4)).toStringUtf8(), inputs, pads));
        }
        return nodes;
    }

    /**
     * An opset-14 model with one float input {@code x} of {@code [1, 1, h, w]}, one {@code Conv} with weight
     * {@code [1, 1, kh, kw]} and the given pads, and its output {@code y}.
     */
    static byte[] convModel(int h, int w, float[] weight, int kh, int kw, long[] pads, boolean externalWeight) {
        ByteBuffer raw = ByteBuffer.allocate(weight.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : weight) {
            raw.putFloat(v);
        }
        UnknownFieldSet.Builder tensor = UnknownFieldSet.newBuilder()
                .addField(1, varints(1, 1, kh, kw))
                .addField(2, varints(1))
                .addField(8, bytes(ByteString.copyFromUtf8("weight")));
        if (externalWeight) {
            UnknownFieldSet location = UnknownFieldSet.newBuilder()
                    .addField(1, bytes(ByteString.copyFromUtf8("location")))
                    .addField(2, bytes(ByteString.copyFromUtf8("weights.pb"))).build();
            tensor.addField(13, bytes(location.toByteString())).addField(14, varints(1));
        } else {
            tensor.addField(9, bytes(ByteString.copyFrom(raw.array())));
        }
        UnknownFieldSet padsAttribute = UnknownFieldSet.newBuilder()
                .addField(1, bytes(ByteString.copyFromUtf8("pads")))
                .addField(8, varints(pads))
                .addField(20, varints(7))
                .build();
        UnknownFieldSet conv = UnknownFieldSet.newBuilder()
                .addField(1, bytes(ByteString.copyFromUtf8("x"), ByteString.copyFromUtf8("weight")))
                .addField(2, bytes(ByteString.copyFromUtf8("y")))
                .addField(3, bytes(ByteString.copyFromUtf8("conv")))
                .addField(4, bytes(ByteString.copyFromUtf8("Conv")))
                .addField(5, bytes(padsAttribute.toByteString()))
                .build();
        UnknownFieldSet graph = UnknownFieldSet.newBuilder()
                .addField(1, bytes(conv.toByteString()))
                .addField(2, bytes(ByteString.copyFromUtf8("conv_test")))
                .addField(5, bytes(tensor.build().toByteString()))
                .addField(11, bytes(valueInfo("x", new long[] {1, 1, h, w})))
                .addField(12, bytes(valueInfo("y", null)))
                .build();
        UnknownFieldSet opset = UnknownFieldSet.newBuilder()
                .addField(1, bytes(ByteString.EMPTY))
                .addField(2, varints(14))
                .build();
        return UnknownFieldSet.newBuilder()
                .addField(1, varints(7))
                .addField(7, bytes(graph.toByteString()))
                .addField(8, bytes(opset.toByteString()))
                .build().toByteArray();
    }

    /** A float tensor ValueInfoProto, with a shape when {@code dims} is not null. */
    private static ByteString valueInfo(String name, long[] dims) {
        UnknownFieldSet.Builder tensorType = UnknownFieldSet.newBuilder().addField(1, varints(1));
        if (dims != null) {
            UnknownFieldSet.Builder shape = UnknownFieldSet.newBuilder();
            Field.Builder dimensions = Field.newBuilder();
            for (long d : dims) {
                dimensions.addLengthDelimited(UnknownFieldSet.newBuilder().addField(1, varints(d)).build()
                        .toByteString());
            }
            shape.addField(1, dimensions.build());
            tensorType.addField(2, bytes(shape.build().toByteString()));
        }
        UnknownFieldSet type = UnknownFieldSet.newBuilder()
                .addField(1, bytes(tensorType.build().toByteString())).build();
        return UnknownFieldSet.newBuilder()
                .addField(1, bytes(ByteString.copyFromUtf8(name)))
                .addField(2, bytes(type.toByteString()))
                .build().toByteString();
    }

    private static Field varints(long... values) {
        Field.Builder field = Field.newBuilder();
        Arrays.stream(values).forEach(field::addVarint);
        return field.build();
    }

    private static Field bytes(ByteString... values) {
        Field.Builder field = Field.newBuilder();
        Arrays.stream(values).forEach(field::addLengthDelimited);
        return field.build();
    }

    private static ByteString last(Field field) {
        List<ByteString> values = field.getLengthDelimitedList();
        return values.get(values.size() - 1);
    }

    private static UnknownFieldSet message(ByteString bytes) {
        try {
            return UnknownFieldSet.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UnknownFieldSet message(byte[] bytes) {
        return message(ByteString.copyFrom(bytes));
    }
}
