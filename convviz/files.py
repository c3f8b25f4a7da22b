"""Safe file access: read only regular files (a FIFO or a device would hang or never end), and write atomically."""

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


class FileRefused(OSError):
    """A path that cannot be read or written as a plain file; str() is the reason, without the path."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason

    def __str__(self):
        return self.reason


def _kind(mode):
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe (FIFO), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def os_reason(exc):
    """What an OSError means to a user, in a few words."""
    if isinstance(exc, FileRefused):
        return exc.reason
    return {errno.ENOENT: "no such file", errno.ELOOP: "is a symbolic link loop",
            errno.EACCES: "permission denied", errno.EPERM: "permission denied",
            errno.ENOTDIR: "a part of the path is not a folder", errno.ENAMETOOLONG: "the name is too long",
            errno.EISDIR: "is a folder, not a file", errno.ENOSPC: "no space left on the device",
            errno.EFBIG: "the file would exceed the file-size limit", errno.EROFS: "read-only file system",
            errno.EDQUOT: "disk quota exceeded"}.get(exc.errno, exc.strerror or str(exc))


def open_regular(path, max_bytes=None):
    """The regular file at `path` opened for binary reading; FileRefused says why not.

    Opened without blocking first and checked on the open descriptor, so a FIFO (which would
    block open() until a writer comes) or a device (/dev/zero never ends) is refused at once.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        if e.errno == errno.ENOENT and os.path.islink(path):
            raise FileRefused("is a broken symbolic link (its target does not exist)") from None
        raise FileRefused(os_reason(e)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused(_kind(st.st_mode))
        if max_bytes is not None and st.st_size > max_bytes:
            raise FileRefused(f"is {_size(st.st_size)}, more than the {_size(max_bytes)} limit")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def check_regular(path, max_bytes=None):
    """Raise FileRefused unless `path` is a readable regular file (at most `max_bytes`)."""
    open_regular(path, max_bytes).close()


def _size(n):
    for unit, scale in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def check_writable(path):
    """Raise FileRefused unless a file can be saved at `path` (tried with a temporary file beside it)."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise FileRefused(os_reason(e)) from None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise FileRefused(_kind(st.st_mode))
    folder = p.parent
    if not folder.is_dir():
        raise FileRefused(f"the folder {folder} does not exist" if not folder.exists()
                          else f"{folder} is not a folder")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{p.name}.", suffix=".tmp")
        os.close(fd)
        os.unlink(tmp)
    except OSError as e:
        raise FileRefused(f"cannot write in {folder} ({os_reason(e)})") from None
    if st is not None and not os.access(p, os.W_OK):
        raise FileRefused("permission denied (the existing file is read-only)")


@contextlib.contextmanager
def atomic_write(path):
    """Yield a binary file that replaces `path` only once it is completely written and on disk.

    The data goes to a temporary file in the same folder, is flushed and fsync'ed, then
    `os.replace` puts it in place in one step. On any error (a full disk, a file-size limit,
    Ctrl+C) the temporary file is removed and `path` is left as it was; after a kill only a
    hidden ".name.*.tmp" can remain, never a half-written `path`.
    """
    # Through a symbolic link to the file it names: replacing the link itself would cut it.
    p = Path(os.path.realpath(path))
    try:
        st = os.stat(p)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        # os.replace would swap out a device node or a FIFO; writing into one is not saving.
        raise FileRefused(f"{path}: {_kind(st.st_mode)}")
    if st is not None and not os.access(p, os.W_OK):
        # A rename needs only the folder's permission; a read-only file still means "keep me".
        raise FileRefused(f"{path}: permission denied (the file is read-only)")
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private (0600); give it what an ordinary new file would get.
        mode = (st.st_mode & 0o7777) if st is not None else (0o666 & ~_umask())
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as f:
            fd = None
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        if fd is not None:
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(p.parent)


def _umask():
    """The process umask, read without changing it where Linux allows (os.umask sets it briefly)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _sync_folder(folder):
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
