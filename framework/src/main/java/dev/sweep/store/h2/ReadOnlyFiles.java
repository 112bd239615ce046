package dev.sweep.store.h2;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

/**
 * H2's files as a reader sees them ({@code sweepread:} paths): opened for reading only, and never locked, so that a
 * reader in its own process can open a database that a sweep is writing without waiting for it, serving it or
 * touching it.
 *
 * <p>This is safe because the writer never overwrites what it wrote: it opens the file with {@code REUSE_SPACE=FALSE},
 * which makes H2's MVStore append every change at the end of the file. Every version the reader can find is therefore
 * complete and stays so for as long as the reader holds it; the chunk being appended as it opens fails its checksum
 * and is ignored, as after a crash. With space reuse on, a reader of a long sweep met "File corrupted in chunk"
 * (see docs/durability.md).
 */
public final class ReadOnlyFiles extends FilePathWrapper {
    static final String SCHEME = "sweepread";

    static {
        FilePath.register(new ReadOnlyFiles());
    }

    /** Makes the scheme known to H2; every reader's URL goes through here first. */
    static String prefix() {
        return SCHEME + ":";
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** A lock file belongs to a writer's protocol (an older Sweep's mixed mode); a reader takes no part in it. */
    @Override
    public boolean exists() {
        return !name.endsWith(".lock.db") && getBase().exists();
    }

    @Override
    public boolean canWrite() {
        return false;
    }

    /**
     * One descriptor per file for all the readers of this process, never closed while the file is the same: on
     * Linux, closing any descriptor of a file drops every lock the process holds on it, so a reader in a process
     * that also writes the file (a test, a tool) would otherwise let a second writer in. A file replaced by another
     * (db recover) gets a new descriptor.
     */
    private static final java.util.Map<String, Shared> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    private record Shared(Object fileKey, FileChannel channel) {
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FilePath base = getBase();
        java.nio.file.Path path = java.nio.file.Path.of(base.toString());
        Object key = java.nio.file.Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Shared shared;
        synchronized (SHARED) {
            shared = SHARED.get(base.toString());
            if (shared == null || key == null || !key.equals(shared.fileKey()) || !shared.channel().isOpen()) {
                shared = new Shared(key, FileChannel.open(path, java.nio.file.StandardOpenOption.READ));
                SHARED.put(base.toString(), shared);
            }
        }
        return new ReadChannel(shared.channel());
    }

    @Override
    public boolean createFile() {
        return false;
    }

    @Override
    public void delete() {
        throw new UnsupportedOperationException("a reader deletes nothing: " + name);
    }

    @Override
    public void moveTo(FilePath newName, boolean atomicReplace) {
        throw new UnsupportedOperationException("a reader moves nothing: " + name);
    }

    /** The file's channel, for reading; its lock is granted without asking the operating system. */
    private static final class ReadChannel extends FileBase {
        private final FileChannel base;

        ReadChannel(FileChannel base) {
            this.base = base;
        }

        private long position;

        @Override
        public int read(ByteBuffer dst) throws IOException {
            int n = base.read(dst, position);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return base.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            throw new IOException("opened for reading only");
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new IOException("opened for reading only");
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public FileChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() throws IOException {
            return base.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            throw new IOException("opened for reading only");
        }

        @Override
        protected void implCloseChannel() {
            // the descriptor is shared and stays open (see SHARED)
        }

        /** MVStore asks for a shared lock before it reads; a writer's exclusive lock must not keep a reader out. */
        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            return new FileLock(this, position, size, true) {
                @Override
                public boolean isValid() {
                    return isOpen();
                }

                @Override
                public void release() {
                    // nothing was taken
                }
            };
        }
    }
}
