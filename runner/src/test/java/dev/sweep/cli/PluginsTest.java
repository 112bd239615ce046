package dev.sweep.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Architectures from jars built outside Sweep's modules: compiled here against the framework alone, packed with their
 * service file, dropped in a plugins folder, listed with their origin, swept, and refused clearly when broken.
 */
class PluginsTest {
    @TempDir
    static Path dir;

    private static final String LINEAR = """
            package example;

            import dev.sweep.arch.Architecture;
            import dev.sweep.arch.Network;
            import dev.sweep.arch.NetworkRequest;
            import dev.sweep.space.ParameterDeclaration;
            import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
            import org.deeplearning4j.nn.conf.inputs.InputType;
            import org.deeplearning4j.nn.conf.layers.OutputLayer;
            import org.nd4j.linalg.activations.Activation;
            import org.nd4j.linalg.lossfunctions.LossFunctions;

            import java.util.List;

            public final class %s implements Architecture {
                public String name() { return "%s"; }
                public String description() { return "softmax regression: one dense layer from pixels to classes"; }
                public List<ParameterDeclaration> parameters() { return List.of(%s); }
                public Network build(NetworkRequest request) {
                    NeuralNetConfiguration.ListBuilder layers = request.base().list();
                    layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(request.input().classes())
                            .activation(Activation.SOFTMAX).build());
                    layers.setInputType(InputType.feedForward(request.input().pixels()));
                    return request.network(layers.build());
                }
            }
            """;

    private static Path linearJar;

    /** The linear plugin, but its network cannot be built. */
    private static final String THROWING = LINEAR.replace("NeuralNetConfiguration.ListBuilder layers = request.base().list();",
            "if (true) { throw new IllegalStateException(\"this plugin cannot build its network\"); }\n"
                    + "                NeuralNetConfiguration.ListBuilder layers = request.base().list();");

    /** A plugin jar of one architecture class, compiled against this test's class path. */
    private static Path pluginJar(String jarName, String className, String architectureName, String parameters) throws IOException {
        return pluginJar(LINEAR, jarName, className, architectureName, parameters);
    }

    private static Path pluginJar(String template, String jarName, String className, String architectureName, String parameters)
            throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + className + "/example"));
        Path out = Files.createDirectories(dir.resolve("classes-" + className));
        Path source = src.resolve(className + ".java");
        Files.writeString(source, template.formatted(className, architectureName, parameters));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, null, errors, "-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
                source.toString());
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        Path jar = dir.resolve("built").resolve(jarName);
        Files.createDirectories(jar.getParent());
        try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
            j.putNextEntry(new JarEntry("META-INF/services/dev.sweep.arch.Architecture"));
            j.write(("example." + className + "\n").getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new JarEntry("example/" + className + ".class"));
            j.write(Files.readAllBytes(out.resolve("example/" + className + ".class")));
        }
        return jar;
    }

    private static Path pluginsFolder(String name, Path... jars) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (Path jar : jars) {
            Files.copy(jar, folder.resolve(jar.getFileName()));
        }
        return folder;
    }

    @BeforeAll
    static void aPluginBuiltOutsideSweep() throws IOException {
        linearJar = pluginJar("linear.jar", "Linear", "linear", "");
    }

    @Test
    void anArchitectureInAPluginJarIsListedWithItsOriginAndSwept() throws IOException {
        Path plugins = pluginsFolder("plugins-ok", linearJar);
        Cli list = Cli.run("architectures", "--plugins", plugins.toString());
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("linear (" + plugins.resolve("linear.jar") + "): softmax regression")
                .contains("mlp (built in)");
        Cli jars = Cli.run("plugins", "--plugins", plugins.toString());
        assertThat(jars.exitCode()).as(jars.toString()).isZero();
        assertThat(jars.out()).contains("  " + plugins).contains("  " + plugins.resolve("linear.jar") + ": architectures linear")
                .contains("Built in: architectures cnn, convnet, lenet5, mlp, resnet, vgg; pruners asha, hyperband, median");

        Path file = dir.resolve("linear.yaml");
        Files.writeString(file, """
                name: linear
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: linear
                strategy: {type: random, trials: 2}
                parameters:
                  learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}
                """);
        String db = dir.resolve("experiments").toString();
        Cli run = Cli.run("run", file.toString(), "--db", db, "--quiet", "--plugins", plugins.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("2 complete, 0 failed");
        Path zip = dir.resolve("linear.zip");
        assertThat(Cli.run("export", "--sweep", "linear", "--out", zip.toString(), "--db", db).exitCode()).isZero();
        Cli evaluate = Cli.run("evaluate", zip.toString());
        assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
        assertThat(evaluate.out()).contains("(stored at training: identical)");

        Cli onSpark = Cli.run("run", file.toString(), "--db", db, "--quiet", "--name", "linear-spark", "--executor", "spark",
                "--master", "local[2]", "--plugins", plugins.toString());
        assertThat(onSpark.exitCode()).as(onSpark.toString()).isZero();
        assertThat(onSpark.out()).contains("2 complete, 0 failed");

        Cli without = Cli.run("plan", file.toString(), "--no-estimate");
        assertThat(without.exitCode()).as("without the plugin the architecture is unknown").isEqualTo(2);
        assertThat(without.err()).contains("unknown architecture 'linear'");
    }

    @Test
    void twoPluginsOfOneNameOrOneThatDeclaresATrainerParameterAreRefusedNamingTheJars() throws IOException {
        Path twin = pluginJar("linear-twin.jar", "LinearTwin", "linear", "");
        Cli twins = Cli.run("architectures", "--plugins", pluginsFolder("plugins-twins", linearJar, twin).toString());
        assertThat(twins.exitCode()).as(twins.toString()).isEqualTo(2);
        assertThat(twins.err()).contains("two architectures are named 'linear'").contains("linear.jar").contains("linear-twin.jar")
                .contains("Fix: rename one");

        Path clash = pluginJar("epochs.jar", "Epochs", "epochs_net",
                "ParameterDeclaration.intParam(\"epochs\", 1, 1, 10, \"clashes with the trainer\")");
        Cli clashing = Cli.run("architectures", "--plugins", pluginsFolder("plugins-clash", clash).toString());
        assertThat(clashing.exitCode()).as(clashing.toString()).isEqualTo(2);
        assertThat(clashing.err()).contains("architecture 'epochs_net' from " + dir.resolve("plugins-clash/epochs.jar"))
                .contains("declares 'epochs', which is a trainer parameter");
    }

    @Test
    void aBrokenJarIsAWarningAndTheCommandsThatDoNotNeedItRun() throws IOException {
        Path plugins = pluginsFolder("plugins-broken", linearJar);
        Files.write(plugins.resolve("broken.jar"), "not a jar at all".getBytes(StandardCharsets.UTF_8));
        Cli list = Cli.run("architectures", "--plugins", plugins.toString());
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.err()).contains("warning: the plugin " + plugins.resolve("broken.jar") + " is not a readable jar");
        assertThat(list.out()).contains("linear (").contains("mlp (built in)");
        assertThat(List.of(list.err().split("\n"))).noneMatch(l -> l.contains("Exception"));
    }

    @Test
    void aPluginThatAnotherAccountCouldHaveWrittenIsNotLoaded() throws IOException {
        Path open = pluginsFolder("plugins-open", linearJar);
        Files.setPosixFilePermissions(open, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        Cli fromOpenFolder = Cli.run("architectures", "--plugins", open.toString());
        assertThat(fromOpenFolder.exitCode()).as(fromOpenFolder.toString()).isZero();
        assertThat(fromOpenFolder.err()).contains("the plugin folder " + open + " can be written by every account (rwxrwxrwx)")
                .contains("Fix: chmod go-w " + open);
        assertThat(fromOpenFolder.out()).doesNotContain("linear (");

        Path shared = pluginsFolder("plugins-shared", linearJar);
        Path jar = shared.resolve("linear.jar");
        // A group of other accounts: a user's own private group (named as the user) would be no risk.
        var groups = jar.getFileSystem().getUserPrincipalLookupService();
        java.nio.file.attribute.GroupPrincipal other = null;
        for (String name : List.of("users", "nogroup", "staff")) {
            try {
                other = groups.lookupPrincipalByGroupName(name);
                Files.getFileAttributeView(jar, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(other);
                break;
            } catch (IOException e) {
                other = null;
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "no other group to give the jar to");
        Files.setPosixFilePermissions(jar, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        Cli sharedJar = Cli.run("architectures", "--plugins", shared.toString());
        assertThat(sharedJar.err()).contains("the plugin " + jar + " can be written by its group " + other.getName());
        assertThat(sharedJar.out()).doesNotContain("linear (");
    }

    @Test
    void aPluginWithAnInvalidNameIsLeftOutInOneLineNamingItsJarAndTheOthersWork() throws IOException {
        Path svg = pluginJar("svg.jar", "Svg", "<svg onload=alert(1)>", "");
        Path plugins = pluginsFolder("plugins-svg", linearJar, svg);
        Cli list = Cli.run("architectures", "--plugins", plugins.toString());
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.err()).contains(plugins.resolve("svg.jar").toString()).contains("'<svg onload=alert(1)>'");
        assertThat(list.err().lines().filter(l -> !l.isBlank())).as(list.err()).hasSize(1);
        assertThat(list.out()).contains("linear (").doesNotContain("<svg");
    }

    @Test
    void planOfAPluginWhoseNetworkCannotBeBuiltMarksItsTrialAsOneThatWillFailWithoutATrace() throws IOException {
        Path throwing = pluginJar(THROWING, "throwing.jar", "Throwing", "throwing", "");
        Path plugins = pluginsFolder("plugins-throwing", throwing);
        Path file = dir.resolve("throwing.yaml");
        Files.writeString(file, """
                name: throwing
                dataset: {name: mnist, train_limit: 1000, validation: 300}
                architecture: throwing
                strategy: {type: random, trials: 2}
                parameters:
                  learning_rate: {float: [1.0e-3, 1.0e-2], scale: log}
                """);
        Cli plan = Cli.run("plan", file.toString(), "--plugins", plugins.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).contains("will fail: architecture 'throwing' cannot build its network")
                .contains("this plugin cannot build its network").contains("run records this trial FAILED");
        assertThat(plan.err()).doesNotContain("\tat ");
    }
}
