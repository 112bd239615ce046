package dev.sweep.architectures;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.MapBinder;
import dev.sweep.arch.Architecture;

/** The registered architectures: adding one is a class and a line here. */
public final class ArchitecturesModule extends AbstractModule {
    @Override
    protected void configure() {
        MapBinder<String, Architecture> plugins = MapBinder.newMapBinder(binder(), String.class, Architecture.class);
        plugins.addBinding("mlp").to(Mlp.class);
        plugins.addBinding("cnn").to(Cnn.class);
        plugins.addBinding("convnet").to(ConvNet.class);
        plugins.addBinding("lenet5").to(LeNet5.class);
        plugins.addBinding("vgg").to(Vgg.class);
        plugins.addBinding("resnet").to(ResNet.class);
    }
}
