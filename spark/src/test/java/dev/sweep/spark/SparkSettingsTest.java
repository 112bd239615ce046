package dev.sweep.spark;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SparkSettingsTest {
    @Test
    void theFilesSettingsWinOverSweepsDefaultsAndExecutorsAlwaysGetTheJava17Opens() {
        SparkConf conf = SparkTrialExecutor.configuration(SparkExecutorType.spec("spark://head:7077", Map.of(
                "spark.executor.extraClassPath", "/opt/sweep/lib/*", "spark.executorEnv.OMP_NUM_THREADS", "2",
                "spark.executor.extraJavaOptions", "-Dmine=1"), false), "s");
        assertThat(conf.get("spark.master")).isEqualTo("spark://head:7077");
        assertThat(conf.get("spark.app.name")).isEqualTo("sweep s");
        assertThat(conf.get("spark.executor.extraClassPath")).isEqualTo("/opt/sweep/lib/*");
        assertThat(conf.get("spark.executorEnv.OMP_NUM_THREADS")).isEqualTo("2");
        // The driver's own choice (bin/java: AVX512_CORE on an Intel CPU with AVX-512, else AVX2), AVX2 without one.
        assertThat(conf.get("spark.executorEnv.DNNL_MAX_CPU_ISA"))
                .isEqualTo(System.getenv("DNNL_MAX_CPU_ISA") != null ? System.getenv("DNNL_MAX_CPU_ISA") : "AVX2");
        assertThat(conf.get("spark.executor.extraJavaOptions")).contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                .contains("-Dorg.bytedeco.javacpp.maxphysicalbytes=0").endsWith("-Dmine=1");
    }

    @Test
    void executorsRunTheOpenBlasKernelsTheDriverRuns() {
        // The tests run through bin/java, which names the kernels on a CPU with AVX2 and FMA.
        SparkConf conf = SparkTrialExecutor.configuration(SparkExecutorType.spec("local[2]", Map.of(), false), "s");
        String driver = System.getenv("OPENBLAS_CORETYPE");
        String executors = conf.contains("spark.executorEnv.OPENBLAS_CORETYPE") ? conf.get("spark.executorEnv.OPENBLAS_CORETYPE") : null;
        assertThat(executors).isEqualTo(driver);
    }

    @Test
    void theSparkWebUiIsOffUnlessTheFileTurnsItOn() {
        // Its kill links would let anyone who reaches the port end the sweep.
        assertThat(SparkTrialExecutor.configuration(SparkExecutorType.spec("local[2]", Map.of(), false), "s").get("spark.ui.enabled")).isEqualTo("false");
        assertThat(SparkTrialExecutor.configuration(SparkExecutorType.spec("local[2]", Map.of("spark.ui.enabled", "true"),
                false), "s").get("spark.ui.enabled")).isEqualTo("true");
    }

    @Test
    void aClusterGetsTheDriversClasspathAndALocalDriverBindsLoopback() {
        SparkConf cluster = SparkTrialExecutor.configuration(SparkExecutorType.spec("spark://head:7077", Map.of(), false), "s");
        assertThat(cluster.get("spark.executor.extraClassPath")).isEqualTo(System.getProperty("java.class.path"));
        assertThat(cluster.contains("spark.driver.host")).isFalse();
        SparkConf local = SparkTrialExecutor.configuration(SparkExecutorType.spec("local[2]", Map.of(), false), "s");
        assertThat(local.get("spark.driver.host")).isEqualTo("127.0.0.1");
        assertThat(local.contains("spark.executor.extraClassPath")).isFalse();
    }
}
