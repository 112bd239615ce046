package dev.sweep.cli;

import dev.sweep.arch.ModelZip;
import dev.sweep.export.ModelExport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads a model zip for evaluate and predict, turning each way it can be wrong into a message with its fix. */
final class ExportedModels {
    private ExportedModels() {
    }

    static ModelExport.Loaded load(Path model) {
        if (!Files.isRegularFile(model)) {
            throw new UserInputException(model + ": no such file; export one with ./sweep export --sweep NAME --out " + model);
        }
        try {
            return ModelExport.read(model);
        } catch (ModelZip.UnsafeModelException e) {
            throw new UserInputException(model + " was refused: " + e.getMessage()
                    + ". Fix: give a model written by ./sweep export.");
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserInputException(model + " is not a DL4J model zip (" + why + "); export one with ./sweep export");
        }
    }
}
