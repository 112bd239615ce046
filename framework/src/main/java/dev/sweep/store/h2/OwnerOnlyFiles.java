package dev.sweep.store.h2;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Files that only their owner may read or write (mode 600), where the file system has POSIX permissions. */
final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Creates the file with owner-only permissions from its first byte: there is no moment when others may read it. */
    static void createEmpty(Path file) throws IOException {
        if (POSIX) {
            FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            Files.createFile(file, mode);
        } else {
            Files.createFile(file);
        }
    }

    /**
     * Takes group and other permissions off the files that exist. H2 creates its lock and trace files with the
     * process's umask; a file Sweep cannot change (another owner's, or on read-only media) is left as it is.
     */
    static void restrict(Path... files) {
        if (!POSIX) {
            return;
        }
        for (Path file : files) {
            try {
                if (Files.exists(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // Not ours to change; the passwords still keep strangers out.
            }
        }
    }
}
