package dev.sweep.store;

/** The store contract on an in-memory H2 database, as the benchmark and the framework's tests use. */
class H2MemoryStoreTest extends ExperimentStoreContract {
    private final String name = "jdbc:h2:mem:contract-" + System.nanoTime();

    @Override
    protected String location() {
        return name;
    }
}
