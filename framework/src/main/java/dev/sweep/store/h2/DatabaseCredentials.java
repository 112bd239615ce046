package dev.sweep.store.h2;

import dev.sweep.store.StoreException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The passwords of a database's three users, kept in an owner-only file beside it ({@code experiments.credentials}).
 * Whoever can read that file can read and change the database; nobody else can log in, not even through the
 * mixed-mode port that H2's lock file names.
 *
 * <ul>
 *   <li>{@code sa}, the owner: an admin, used only to create and migrate the schema;</li>
 *   <li>{@code sweep_writer}: what every Sweep command works as. It may read and write rows, but not create
 *       tables, aliases or functions, nor reach files, so a connection made through the mixed-mode port cannot run
 *       code in the process that serves the database;</li>
 *   <li>{@code sweep_reader}: {@code sweep sql}'s user, which may only read the documented views.</li>
 * </ul>
 */
public record DatabaseCredentials(String owner, String writer, String reader) {
    static final String OWNER_USER = "sa";
    static final String WRITER_USER = "sweep_writer";
    static final String READER_USER = "sweep_reader";

    /** A database made before migration V8: an owner without a password, and the reader's old, public one. */
    static final DatabaseCredentials LEGACY = new DatabaseCredentials("", "", "sweep_reader");

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A jdbc: URL has no file beside it: its passwords live as long as the process (enough for mem: databases). */
    private static final Map<String, DatabaseCredentials> IN_MEMORY = new ConcurrentHashMap<>();

    /** Never the passwords: a record would print them in any message or log line that shows it. */
    @Override
    public String toString() {
        return "DatabaseCredentials[owner, writer, reader: hidden]";
    }

    static DatabaseCredentials fresh() {
        return new DatabaseCredentials(secret(), secret(), secret());
    }

    static DatabaseCredentials inMemory(String url) {
        return IN_MEMORY.computeIfAbsent(url, u -> fresh());
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Reads the file; a file that lacks a password is reported with its path and the fix. */
    static DatabaseCredentials read(Path file, String database) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ", the credentials of " + database + ": " + e.getMessage()
                    + ". Fix: run Sweep as the user who owns it, or restore the file.", e);
        }
        String owner = p.getProperty("owner");
        String writer = p.getProperty("writer");
        String reader = p.getProperty("reader");
        if (owner == null || writer == null || reader == null) {
            throw new StoreException(file + " is not a Sweep credentials file (it needs owner, writer and reader). "
                    + "Fix: restore the file Sweep wrote beside " + database + ".", null);
        }
        return new DatabaseCredentials(owner, writer, reader);
    }

    /** Writes a new owner-only file, refusing to replace one: the database it belongs to may still need it. */
    void writeNew(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            OwnerOnlyFiles.createEmpty(file);
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("# The passwords of " + file.getFileName().toString().replaceFirst("\\.credentials$", ".mv.db")
                        + ". Whoever can read this file can read and change that database; keep it owner-only.\n");
                out.write("owner=" + owner + "\nwriter=" + writer + "\nreader=" + reader + "\n");
            }
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(file + " appeared while Sweep was creating it; another process is setting up the "
                    + "same database. Fix: run the command again.", e);
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage()
                    + ". Fix: make its folder writable, or point --db elsewhere.", e);
        }
    }
}
