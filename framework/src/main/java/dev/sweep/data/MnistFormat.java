package dev.sweep.data;

import dev.sweep.space.ParameterDeclaration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code format: mnist}, the default: MNIST, fetched once into the data folder and checked by its label counts. */
public final class MnistFormat implements DatasetFormat {
    public static final String NAME = "mnist";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MNIST's 70,000 handwritten digits, fetched once into data/mnist and checked by their label counts";
    }

    @Override
    public List<ParameterDeclaration> settings() {
        return List.of();
    }


    @Override
    public Optional<DatasetShipment> shipment(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        return Optional.of(IdxFormat.shipment(MnistDownload.ensure(dataRoot, say)));
    }

    @Override
    public IdxDataset load(Map<String, Object> settings, Path dataRoot, Consumer<String> say) {
        return IdxDataset.load(MnistDownload.ensure(dataRoot, say));
    }
}
