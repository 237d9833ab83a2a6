package io.invoke4j.host.model;

import io.invoke4j.api.CommandException;
import io.invoke4j.api.ModelSettings;
import io.invoke4j.host.config.ConfigException;
import io.invoke4j.host.config.ModelCatalog;
import io.invoke4j.host.config.ModelCatalogWriter;
import io.invoke4j.host.config.ModelEntry;
import io.invoke4j.host.generate.StableDiffusionModel;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The host's side of {@code !import_model}, {@code !edit_model} and {@code !del_model}: checks the change, reads
 * the rewritten catalogue back before the file is written (a change that would not load is refused and nothing is
 * written), writes it, and hands the new catalogue to the {@link ModelCache} so that {@code !models},
 * {@code !switch} and the next command see it.
 *
 * <p>Unlike InvokeAI, which loads an imported or edited model to verify it before committing (and then asks
 * whether to keep it loaded), invoke4j checks that the folder has a model's parts and opens it at the next
 * {@code !switch}; only the model in use is reopened at once when its folder changes.
 */
public final class CatalogEditor {
    private final ModelCache models;

    public CatalogEditor(ModelCache models) {
        this.models = models;
    }

    /**
     * The settings of the entry {@code name}.
     *
     * @throws CommandException InvokeAI's line for an unknown name
     */
    public ModelSettings settings(String name) {
        ModelEntry entry = models.catalog().find(name).orElseThrow(() -> unknown(name));
        return new ModelSettings(entry.name(), entry.description() == null ? "" : entry.description(), entry.path(),
                entry.width(), entry.height(), entry.isDefault());
    }

    /**
     * The settings a new entry for {@code folder} starts from, once the folder is checked to be a model's.
     *
     * @throws CommandException one line naming the folder and what it lacks
     */
    public ModelSettings newSettings(Path folder) {
        Path absolute = checkedFolder(folder);
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        return new ModelSettings(ModelSettings.isValidName(name) ? name : "model", "", absolute,
                512, 512, false);
    }

    /**
     * Adds or changes the entry and rewrites the file.
     *
     * @throws CommandException one line when the folder is not a model's, the file's new content would not load,
     *                          or the file cannot be written; the active model's failure to reopen
     */
    public void save(ModelSettings settings, Consumer<String> messages) {
        ModelSettings absolute = new ModelSettings(settings.name(), settings.description(),
                checkedFolder(settings.path()), settings.width(), settings.height(), settings.isDefault());
        ModelCatalog catalog = models.catalog();
        refuseOutsideFile(catalog, settings.name());
        ModelCatalogWriter writer = new ModelCatalogWriter(catalog);
        commit(catalog, writer, () -> writer.withEntry(absolute), messages);
    }

    /**
     * Removes the entry and rewrites the file.
     *
     * @throws CommandException one line for an unknown name, the model in use, or a file that cannot be written
     */
    public void delete(String name) {
        ModelCatalog catalog = models.catalog();
        if (catalog.find(name).isEmpty()) {
            throw unknown(name);
        }
        if (models.active().entry().name().equals(name)) {
            throw new CommandException("Can't delete active model. !switch to another model first. **");
        }
        refuseOutsideFile(catalog, name);
        ModelCatalogWriter writer = new ModelCatalogWriter(catalog);
        commit(catalog, writer, () -> writer.without(name), message -> { });
    }

    /** The {@code --weights} folder is a model of the session, not of the file. */
    private static void refuseOutsideFile(ModelCatalog catalog, String name) {
        if (catalog.find(name).isPresent() && !catalog.inFile(name)) {
            throw new CommandException(name + " is not an entry of " + catalog.file() + " (it comes from --weights)");
        }
    }

    /** Renders the new text, reads it back as the next catalogue, writes it, then hands the catalogue over. */
    private void commit(ModelCatalog catalog, ModelCatalogWriter writer, Supplier<String> render,
                        Consumer<String> messages) {
        ModelCatalog changed;
        try {
            String text = render.get();
            changed = catalog.reread(text);
            writer.write(text);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage());
        }
        models.catalogChanged(changed, messages);
    }

    /** {@code folder} made absolute (against the working directory), once checked to hold a model's parts. */
    private static Path checkedFolder(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            StableDiffusionModel.checkFolder(absolute);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage());
        }
        return absolute;
    }

    private static CommandException unknown(String name) {
        return new CommandException("\"" + name + "\" is not a known model name. Please check your models.yaml file");
    }
}
