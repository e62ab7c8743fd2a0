"""Put a finished folder in the place of another in one step, so the path is never missing.

Linux: `renameat2(RENAME_EXCHANGE)` (glibc 2.28+, ext4, xfs, btrfs, tmpfs and most local
filesystems) swaps the two directory entries atomically. macOS: `renamex_np(RENAME_SWAP)` does
the same. Both are called through ctypes. Where neither exists or the filesystem refuses (some
network and FUSE filesystems), the fallback is two renames, target aside then new into place:
for the moment between them the path is missing, and the earlier folder is never lost (it is
already renamed aside).
"""

from __future__ import annotations

import ctypes
import errno
import os
from pathlib import Path

_AT_FDCWD = -100  # "relative to the working directory": the paths passed are absolute anyway
_RENAME_EXCHANGE = 2  # linux/fs.h
_RENAME_SWAP = 2  # macOS stdio.h
# errors meaning "this kernel or filesystem cannot exchange", not "these paths are wrong"
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP}


def _libc_function(name: str):
    """`name` from the C library with errno kept, or None (not POSIX, or an older libc)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    function = getattr(libc, name, None)
    if function is not None:
        function.restype = ctypes.c_int
    return function


_RENAMEAT2 = _libc_function("renameat2")
_RENAMEX_NP = None if _RENAMEAT2 is not None else _libc_function("renamex_np")


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False when the platform or filesystem cannot."""
    a, b = os.fsencode(first), os.fsencode(second)
    if _RENAMEAT2 is not None:
        result = _RENAMEAT2(
            ctypes.c_int(_AT_FDCWD),
            ctypes.c_char_p(a),
            ctypes.c_int(_AT_FDCWD),
            ctypes.c_char_p(b),
            ctypes.c_uint(_RENAME_EXCHANGE),
        )
    elif _RENAMEX_NP is not None:
        result = _RENAMEX_NP(ctypes.c_char_p(a), ctypes.c_char_p(b), ctypes.c_uint(_RENAME_SWAP))
    else:
        return False
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second), None, str(first))


def replace_folder(new: Path, target: Path, aside: Path) -> Path | None:
    """Put folder `new` at `target`; return where the earlier `target` now is (None if none).

    With an exchange the earlier folder ends up at `new`'s old path; in the fallback it is
    renamed to `aside` first. Either way the caller deletes it once `target` holds the new one.
    """
    if not os.path.lexists(target):
        os.rename(new, target)  # nothing there before: one rename, nothing to swap out
        return None
    if exchange(new, target):
        return new
    os.rename(target, aside)
    try:
        os.rename(new, target)
    except OSError:
        os.rename(aside, target)  # put the earlier folder back before reporting the failure
        raise
    return aside
