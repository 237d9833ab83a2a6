package io.invoke4j.plugin.repl;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jline.reader.Candidate;

/**
 * Completions of a partly typed path, as InvokeAI's completer gives them: image files ({@code .png}, {@code .jpg},
 * {@code .jpeg}) for {@code -I}, {@code -M}, {@code !fetch} and {@code !fix}, any file for {@code !replay}, and
 * folders, hidden ones left out; or folders alone, for {@code !import_model}'s model folder. A path that names a
 * folder completes to what is inside it ({@code -I./test-pictures<TAB>} lists the pictures, as in the manual). A
 * bare name also completes to the files of the output folder, where the REPL looks for a bare name.
 */
final class PathCandidates {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of(".png", ".jpg", ".jpeg");

    private final Path workingDirectory;
    private final Path outputDirectory;
    private final Kind kind;

    /** Which files a path may end in; folders are always offered, since a path goes on inside them. */
    private enum Kind { IMAGES, ANY_FILE, NO_FILE }

    private PathCandidates(Path workingDirectory, Path outputDirectory, Kind kind) {
        this.workingDirectory = workingDirectory;
        this.outputDirectory = outputDirectory;
        this.kind = kind;
    }

    /**
     * Image paths.
     *
     * @param workingDirectory what relative paths are relative to
     * @param outputDirectory  where bare names are also looked for
     */
    static PathCandidates images(Path workingDirectory, Path outputDirectory) {
        return new PathCandidates(workingDirectory, outputDirectory, Kind.IMAGES);
    }

    /** Paths of files of any kind (files of commands); the arguments as for {@link #images}. */
    static PathCandidates files(Path workingDirectory, Path outputDirectory) {
        return new PathCandidates(workingDirectory, outputDirectory, Kind.ANY_FILE);
    }

    /** Folder paths alone, no files ({@code !import_model}'s model folder). */
    static PathCandidates folders(Path workingDirectory) {
        return new PathCandidates(workingDirectory, null, Kind.NO_FILE);
    }

    /**
     * @param typed  the path typed so far
     * @param prefix what stands before the path in the same word ({@code -I} in {@code -I./pa}), repeated in each
     *               candidate since a candidate replaces the whole word
     */
    List<Candidate> complete(String typed, String prefix) {
        String folder;
        String start;
        Path typedPath = resolve(typed);
        if (!typed.isEmpty() && !typed.endsWith("/") && typedPath != null && Files.isDirectory(typedPath)) {
            folder = typed + "/";
            start = "";
        } else {
            int slash = typed.lastIndexOf('/');
            folder = typed.substring(0, slash + 1);
            start = typed.substring(slash + 1);
        }
        Set<Candidate> candidates = new LinkedHashSet<>();
        addEntries(candidates, resolve(folder.isEmpty() ? "." : folder), prefix + folder, start, true);
        if (folder.isEmpty() && outputDirectory != null) {
            addEntries(candidates, outputDirectory, prefix, start, false);
        }
        return new ArrayList<>(candidates);
    }

    /** The folder or file a typed path names, or {@code null} for text that is no path at all. */
    private Path resolve(String path) {
        try {
            return workingDirectory.resolve(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void addEntries(Set<Candidate> candidates, Path folder, String shownFolder, String start,
                            boolean withFolders) {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".") || !name.startsWith(start)) {
                    continue;
                }
                String value = shownFolder + name;
                if (Files.isDirectory(entry)) {
                    if (withFolders) {
                        // not complete: the path goes on inside it, so no space after it
                        candidates.add(new Candidate(value + "/", value + "/", null, null, null, null, false));
                    }
                } else if (kind == Kind.ANY_FILE || kind == Kind.IMAGES && isImage(name)) {
                    candidates.add(new Candidate(value, value, null, null, null, null, true));
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable folder offers nothing; completion must never break the line being typed
        }
    }

    private static boolean isImage(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && IMAGE_EXTENSIONS.contains(name.substring(dot).toLowerCase(Locale.ROOT));
    }
}
