package io.invoke4j.plugin.djl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a TorchScript archive's {@code forward} takes and returns: its argument names, in order, and how many
 * tensors it returns.
 *
 * <p>TorchScript keeps no input or output table (libtorch and DJL only see a method), but a {@code torch.jit.save}
 * archive holds the module's code: {@code <root>/data.pkl} starts with the module's class
 * ({@code __torch__.UNet2DCondition}), and {@code <root>/code/__torch__.py} (or the file its dotted module names)
 * holds that class's {@code def forward(self, sample: Tensor, timestep: Tensor, ...) -> Tensor}. Only tensor
 * arguments and a tensor or a tuple of tensors as the result are accepted: that is what an SD export has.
 *
 * @param inputs  the names of {@code forward}'s arguments after {@code self}
 * @param outputs how many tensors {@code forward} returns
 */
record TorchScriptSignature(List<String> inputs, int outputs) {

    private static final Pattern DATA_PICKLE = Pattern.compile("([^/]+)/data\\.pkl");
    /** Pickle: optional PROTO opcode (0x80 version), then GLOBAL ('c') "module\nname\n". */
    private static final int PROTO = 0x80;
    private static final int GLOBAL = 'c';
    private static final String TENSOR = "Tensor";

    TorchScriptSignature {
        inputs = List.copyOf(inputs);
    }

    /**
     * @throws IOException              when the archive cannot be read
     * @throws IllegalArgumentException (one line) when it is not a TorchScript archive or its {@code forward} takes
     *                                  or returns something other than tensors
     */
    static TorchScriptSignature read(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            String root = root(zip);
            String[] type = topLevelClass(zip, root + "/data.pkl");
            String codeFile = root + "/code/" + type[0].replace('.', '/') + ".py";
            ZipEntry code = zip.getEntry(codeFile);
            if (code == null) {
                throw new IllegalArgumentException("not a TorchScript archive: it has no " + codeFile
                        + " for its module " + type[0] + "." + type[1]);
            }
            String source;
            try (InputStream in = zip.getInputStream(code)) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return parse(source, type[1]);
        }
    }

    /** The signature of {@code className}'s {@code forward} in TorchScript's printed code. */
    static TorchScriptSignature parse(String source, String className) {
        Matcher classStart = Pattern.compile("(?m)^class " + Pattern.quote(className) + "\\(").matcher(source);
        if (!classStart.find()) {
            throw new IllegalArgumentException("its code has no class " + className);
        }
        Matcher nextClass = Pattern.compile("(?m)^class ").matcher(source);
        int end = nextClass.find(classStart.end()) ? nextClass.start() : source.length();
        String body = source.substring(classStart.end(), end);
        int def = body.indexOf("def forward(");
        if (def < 0) {
            throw new IllegalArgumentException("class " + className + " has no forward method");
        }
        int open = def + "def forward".length();
        int close = matching(body, open);
        List<String> parameters = splitTopLevel(body.substring(open + 1, close));
        List<String> inputs = new ArrayList<>();
        for (int i = 1; i < parameters.size(); i++) { // 0 is self
            String[] nameAndType = parameters.get(i).split(":", 2);
            String name = nameAndType[0].strip();
            String type = nameAndType.length > 1 ? nameAndType[1].split("=", 2)[0].strip() : TENSOR;
            if (!type.equals(TENSOR)) {
                throw new IllegalArgumentException("forward's argument '" + name + "' is a " + type
                        + "; invoke4j passes tensors only");
            }
            inputs.add(name);
        }
        String rest = body.substring(close + 1).stripLeading();
        if (!rest.startsWith("->")) {
            throw new IllegalArgumentException("forward of " + className + " declares no return type");
        }
        String returned = rest.substring(2, rest.indexOf(":\n") < 0 ? rest.length() : rest.indexOf(":\n")).strip();
        return new TorchScriptSignature(inputs, countTensors(returned));
    }

    private static int countTensors(String type) {
        if (type.equals(TENSOR)) {
            return 1;
        }
        if (type.startsWith("Tuple[") && type.endsWith("]")) {
            List<String> elements = splitTopLevel(type.substring("Tuple[".length(), type.length() - 1));
            if (!elements.isEmpty() && elements.stream().allMatch(e -> e.strip().equals(TENSOR))) {
                return elements.size();
            }
        }
        throw new IllegalArgumentException("forward returns " + type
                + "; invoke4j reads a Tensor or a Tuple of Tensors");
    }

    /** The archive's top folder: the one holding {@code data.pkl}. */
    private static String root(ZipFile zip) {
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            Matcher m = DATA_PICKLE.matcher(entries.nextElement().getName());
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new IllegalArgumentException("not a TorchScript archive: it has no <name>/data.pkl");
    }

    /** {module, class} of the object pickled first in {@code data.pkl}: the scripted module itself. */
    private static String[] topLevelClass(ZipFile zip, String entry) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            byte[] head = in.readNBytes(512);
            int at = 0;
            if (head.length > 1 && (head[0] & 0xff) == PROTO) {
                at = 2;
            }
            if (at >= head.length || head[at] != GLOBAL) {
                throw new IllegalArgumentException("not a TorchScript archive: " + entry + " does not start with a"
                        + " module class");
            }
            String[] lines = new String(head, at + 1, head.length - at - 1, StandardCharsets.UTF_8).split("\n", 3);
            if (lines.length < 3 || !lines[0].startsWith("__torch__")) {
                throw new IllegalArgumentException("not a TorchScript archive: " + entry + " does not start with a"
                        + " __torch__ class");
            }
            return new String[] {lines[0], lines[1]};
        }
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    private static int matching(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("forward's argument list does not end");
    }

    /** {@code text} split at the commas outside brackets, blanks dropped. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        parts.replaceAll(String::strip);
        parts.removeIf(String::isEmpty);
        return parts;
    }
}
