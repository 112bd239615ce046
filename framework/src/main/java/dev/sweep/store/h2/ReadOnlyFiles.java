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
     * The data files a writer of this process has open, and the descriptors readers of this process closed meanwhile:
     * on Linux, closing any descriptor of a file drops every lock the process holds on it, and the writer's lock is
     * what keeps a second writer out. Those descriptors close when the writer does.
     */
    private static final java.util.Set<String> WRITTEN_HERE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.Map<String, java.util.List<FileChannel>> PARKED = new java.util.HashMap<>();

    static void writerOpened(java.nio.file.Path dataFile) {
        WRITTEN_HERE.add(dataFile.toString());
    }

    /** After the writer's H2 has closed the file: the parked descriptors may close now. */
    static void writerClosed(java.nio.file.Path dataFile) {
        java.util.List<FileChannel> parked;
        synchronized (PARKED) {
            WRITTEN_HERE.remove(dataFile.toString());
            parked = PARKED.remove(dataFile.toString());
        }
        for (FileChannel channel : parked == null ? java.util.List.<FileChannel>of() : parked) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // it was only read
            }
        }
    }

    private static void close(String path, FileChannel channel) throws IOException {
        synchronized (PARKED) {
            if (WRITTEN_HERE.contains(path)) {
                PARKED.computeIfAbsent(path, p -> new java.util.ArrayList<>()).add(channel);
                return;
            }
        }
        channel.close();
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        FilePath base = getBase();
        return new ReadChannel(base.open("r"), base.toString());
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
        private final String path;

        ReadChannel(FileChannel base, String path) {
            this.base = base;
            this.path = path;
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
        protected void implCloseChannel() throws IOException {
            ReadOnlyFiles.close(path, base);
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
