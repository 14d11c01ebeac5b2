"""Clear refusals for what the kestra-sdk runner's profile does not allow.

In the sandbox profile the context itself refuses processes, sockets, native code and (by default) threads; this
file only makes the refusal say so, as a PermissionError (an ImportError for native modules) naming what was
refused, the profile and what opens it, instead of GraalPy's raw "No such file or directory: 'ls'" or an internal
Java exception. Process signals act on the whole JVM, so they are refused in every profile. Evaluated by the
runner in a private namespace before each script; `_profile` ("task" or "sandbox") and `_allow_threads` are set
by the runner.
"""


def _install(profile, allow_threads):
    import sys
    import posix
    import _signal

    in_sandbox = " in the sandbox profile (run without --sandbox, or with RunProfile.TASK)"

    def refuse(what, name, hint=in_sandbox):
        message = f"kestra-sdk sandbox: {what} is not allowed ({name}){hint}"

        def refused(*args, **kwargs):
            raise PermissionError(message)

        refused.__name__ = name.rsplit(".", 1)[-1]
        return refused

    # Process signals belong to the runner: GraalPy's signal module acts on the whole JVM (raise_signal(SIGTERM)
    # ends it, a handler outlives the script and takes the runner's SIGINT, alarm starts a host thread). Reading
    # (getsignal, valid_signals) stays. The builtin _signal module is one object per context: `import _signal`,
    # reloading it or the signal module finds these refusals again.
    signal_calls = ("signal", "raise_signal", "alarm", "setitimer", "pthread_kill", "pthread_sigmask",
                    "siginterrupt", "set_wakeup_fd", "sigwait", "sigwaitinfo", "sigtimedwait", "pidfd_send_signal")
    signal_modules = [_signal] + ([sys.modules["signal"]] if "signal" in sys.modules else [])
    for module in signal_modules:
        for name in signal_calls:
            if hasattr(module, name):
                setattr(module, name, refuse("changing or raising process signals", "signal." + name,
                                             "; the runner owns them"))

    # GraalPy's time.tzset() sets the JVM's default time zone from the context's TZ (GMT without one): every
    # later context of this JVM starts in that zone (time.tzname, localtime) and so does the host's Java code,
    # while the calling context keeps the zone it started with. Here it does nothing, which is all it ever did
    # for the script itself. `import time` or a reload of it finds this function again (one module per context).
    import time

    def tzset():
        return None

    time.tzset = tzset

    if profile == "task":
        # The context allows the rest (processes, sockets, threads, native code); a signal to the runner's own
        # process is still one to the whole JVM.
        _guard_own_process(sys, posix)
        return

    import _posixsubprocess
    import _socket
    import _thread

    process_calls = ("system", "popen", "execv", "execve", "execl", "execle", "execlp", "execlpe", "execvp",
                     "execvpe", "spawnv", "spawnve", "spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnvp",
                     "spawnvpe", "posix_spawn", "posix_spawnp", "fork", "forkpty", "kill", "killpg")
    modules = [posix] + ([sys.modules["os"]] if "os" in sys.modules else [])
    for module in modules:
        for name in process_calls:
            if hasattr(module, name):
                setattr(module, name, refuse("starting or signalling a process", "os." + name))
    _posixsubprocess.fork_exec = refuse("starting a process", "subprocess")

    network = "network access"

    class socket(_socket.socket):
        __slots__ = ()  # socket.socket subclasses this and declares __weakref__ itself

        def __init__(self, *args, **kwargs):
            raise PermissionError(f"kestra-sdk sandbox: {network} is not allowed (socket.socket){in_sandbox}")

    _socket.socket = _socket.SocketType = socket
    for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getnameinfo", "socketpair",
                 "create_connection"):
        if hasattr(_socket, name):
            setattr(_socket, name, refuse(network, "socket." + name))

    if not allow_threads:
        hint = (" ; allow it with SandboxPolicy.allowThreads() or kestra-sdk run --sandbox --allow-threads,"
                " or run without --sandbox")
        for name in ("start_new_thread", "start_new", "start_joinable_thread"):
            if hasattr(_thread, name):
                setattr(_thread, name, refuse("starting a thread", "threading", hint))
        if "threading" in sys.modules:
            sys.modules["threading"]._start_new_thread = _thread.start_new_thread

    class NativeCode:
        """Refuses ctypes and cffi by name: the context allows no native code."""

        @staticmethod
        def find_spec(name, path=None, target=None):
            top = name.split(".", 1)[0]
            if top in ("ctypes", "_ctypes", "cffi", "_cffi_backend"):
                raise ImportError(f"kestra-sdk sandbox: native code is not allowed (import {name}){in_sandbox}",
                                  name=name)
            return None

    sys.meta_path.insert(0, NativeCode)


def _guard_own_process(sys, posix):
    """os.kill for a child process only: never the runner's own pid, 0 or negative (its group); no os.killpg."""
    own_pid = posix.getpid()

    def refused(name):
        return PermissionError(f"kestra-sdk task profile: signalling the runner's own process is not allowed ({name});"
                               " the runner owns its signals (a child process may be signalled)")

    for module in [posix] + ([sys.modules["os"]] if "os" in sys.modules else []):
        kill = getattr(module, "kill", None)
        if kill is not None:
            def guarded_kill(pid, sig, kill=kill):
                if pid <= 0 or pid == own_pid:
                    raise refused("os.kill")
                return kill(pid, sig)

            guarded_kill.__name__ = "kill"
            module.kill = guarded_kill
        if hasattr(module, "killpg"):
            def killpg(pgid, sig):
                raise refused("os.killpg")  # any group may be the runner's own

            module.killpg = killpg


_install(_profile, _allow_threads)
