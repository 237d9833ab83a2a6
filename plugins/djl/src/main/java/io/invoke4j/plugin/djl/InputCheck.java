package io.invoke4j.plugin.djl;

import io.invoke4j.api.InferenceException;
import io.invoke4j.api.Tensor;
import io.invoke4j.api.TensorInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Checks that a run is given exactly the inputs a model declares, by name. */
final class InputCheck {

    private InputCheck() {
    }

    /**
     * @throws InferenceException naming the model, the missing or unknown input and the declared ones
     */
    static void names(ModelFile file, List<TensorInfo> declared, Map<String, Tensor> given) {
        for (TensorInfo input : declared) {
            if (given.get(input.name()) == null) {
                throw new InferenceException(file + ": missing input '" + input.name() + "'; the model declares "
                        + list(declared));
            }
        }
        if (given.size() > declared.size()) {
            for (String name : given.keySet()) {
                if (declared.stream().noneMatch(input -> input.name().equals(name))) {
                    throw new InferenceException(file + ": unknown input '" + name + "'; the model declares "
                            + list(declared));
                }
            }
        }
    }

    private static String list(List<TensorInfo> infos) {
        return infos.stream().map(TensorInfo::toString).collect(Collectors.joining(", "));
    }
}
