package io.invoke4j.plugin.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * forward's arguments and results read from the archives' code, against models/README.md section 2, which lists
 * them from the export: text_encoder (input_ids) returns two tensors, unet (sample, timestep,
 * encoder_hidden_states), vae_encoder (sample) and vae_decoder (latent_sample) one.
 */
class TorchScriptSignatureTest {

    private static TorchScriptSignature of(String component) throws IOException {
        return TorchScriptSignature.read(TestModels.component(TestModels.TORCHSCRIPT, component).resolve("model.pt"));
    }

    @Test
    void theBundledArchivesDeclareTheReadmesInputsAndOutputs() throws IOException {
        assertEquals(new TorchScriptSignature(List.of("input_ids"), 2), of("text_encoder"));
        assertEquals(new TorchScriptSignature(List.of("sample", "timestep", "encoder_hidden_states"), 1), of("unet"));
        assertEquals(new TorchScriptSignature(List.of("sample"), 1), of("vae_encoder"));
        assertEquals(new TorchScriptSignature(List.of("latent_sample"), 1), of("vae_decoder"));
    }

    @Test
    void onlyTheNamedClassesForwardCounts() {
        String code = """
                class Inner(Module):
                  def forward(self: __torch__.Inner,
                    argument_1: Tensor) -> Tensor:
                    return argument_1
                class Outer(Module):
                  inner : __torch__.Inner
                  def forward(self: __torch__.Outer,
                    x: Tensor,
                    y: Tensor) -> Tuple[Tensor, Tensor, Tensor]:
                    return (x, y, x)
                """;
        assertEquals(new TorchScriptSignature(List.of("x", "y"), 3), TorchScriptSignature.parse(code, "Outer"));
        assertEquals(new TorchScriptSignature(List.of("argument_1"), 1), TorchScriptSignature.parse(code, "Inner"));
    }

    @Test
    void argumentsOtherThanTensorsAreRefused() {
        String code = """
                class M(Module):
                  def forward(self: __torch__.M,
                    xs: List[Tensor],
                    scale: float) -> Tensor:
                    return xs[0]
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchScriptSignature.parse(code, "M"));
        assertTrue(e.getMessage().contains("'xs' is a List[Tensor]"), e.getMessage());
    }

    @Test
    void resultsOtherThanTensorsAreRefused() {
        String code = """
                class M(Module):
                  def forward(self: __torch__.M,
                    x: Tensor) -> Dict[str, Tensor]:
                    return {"a": x}
                """;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TorchScriptSignature.parse(code, "M"));
        assertTrue(e.getMessage().contains("Dict[str, Tensor]"), e.getMessage());
    }
}
