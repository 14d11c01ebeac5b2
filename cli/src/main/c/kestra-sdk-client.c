/*
 * kestra-sdk-client: the launcher's way to the warm runner (dev.kestrasdk.cli.daemon.WarmRunner). A JVM's start is
 * what the warm runner saves, so its client is a small C program: the launcher execs it first for `run`, before it
 * looks for a JDK or checks the build. It sends the command line, working directory, environment and umask over the
 * user's Unix domain socket, writes the frames that come back to its standard output and error, forwards Ctrl-C and
 * SIGTERM, and exits with the command's exit code. Whenever the warm runner cannot serve the command (none running,
 * busy, another build, an option it leaves to a direct run) it execs the launcher again with KESTRA_SDK_DIRECT set,
 * which runs the command in a JVM of its own as before (and, with KESTRA_SDK_DIRECT=start, starts a warm runner).
 *
 *   kestra-sdk-client ROOT ARGS...   run `kestra-sdk ARGS...` of the installation in ROOT
 *   kestra-sdk-client --where ROOT   print the socket's path and the build stamp, one a line; exit 1 when the
 *                                    socket's folder is not safe to use (made, mode 0700, when missing)
 *
 * Built by the launcher with the machine's cc; docs/cli.md, "The warm runner".
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>

extern char **environ;

static const char *root;
static char **command;      /* the kestra-sdk arguments */
static int command_count;
static int sock = -1;
static volatile sig_atomic_t first_signal;

/* Runs the command without the warm runner: the launcher again, told not to come back here. */
static void direct(int start_warm_runner) {
    char launcher[4096];
    snprintf(launcher, sizeof launcher, "%s/kestra-sdk", root);
    setenv("KESTRA_SDK_DIRECT", start_warm_runner ? "start" : "1", 1);
    char **argv = calloc((size_t) command_count + 2, sizeof *argv);
    if (argv == NULL) exit(70);
    argv[0] = launcher;
    for (int i = 0; i < command_count; i++) argv[i + 1] = command[i];
    execv(launcher, argv);
    fprintf(stderr, "kestra-sdk: cannot run %s: %s\n", launcher, strerror(errno));
    exit(70);
}

/* FNV-1a, 64 bits: one socket per installation (WarmRunner is told the path; nothing else computes it). */
static uint64_t fnv1a(const char *s) {
    uint64_t h = 14695981039346656037ULL;
    for (; *s; s++) { h ^= (unsigned char) *s; h *= 1099511628211ULL; }
    return h;
}

static int socket_directory(char *dir, size_t size) {
    const char *runtime = getenv("XDG_RUNTIME_DIR");
    int n = runtime != NULL && runtime[0] == '/'
            ? snprintf(dir, size, "%s/kestra-sdk", runtime)
            : snprintf(dir, size, "/tmp/kestra-sdk-%lu", (unsigned long) getuid());
    return n > 0 && (size_t) n < size ? 0 : -1;
}

/* 0 when dir is a real directory (not a link) of this user with no permission for group or others. */
static int safe_directory(const char *dir) {
    struct stat st;
    if (lstat(dir, &st) != 0) {
        if (errno != ENOENT || (mkdir(dir, 0700) != 0 && errno != EEXIST) || lstat(dir, &st) != 0) return -1;
    }
    return S_ISDIR(st.st_mode) && st.st_uid == getuid() && (st.st_mode & 077) == 0 ? 0 : -1;
}

static int build_stamp(char *stamp, size_t size) {
    char built[4096];
    struct stat st;
    snprintf(built, sizeof built, "%s/cli/target/.built", root);
    if (stat(built, &st) != 0) return -1;
    snprintf(stamp, size, "%lld.%09ld", (long long) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec);
    return 0;
}

static int socket_path(char *path, size_t size, char *dir, size_t dir_size) {
    if (socket_directory(dir, dir_size) != 0) return -1;
    int n = snprintf(path, size, "%s/%016llx.sock", dir, (unsigned long long) fnv1a(root));
    return n > 0 && (size_t) n < size ? 0 : -1;
}

/* Writes all of buf, retrying after signals; a reader gone away is ignored, as the JVM ignores it. */
static void write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return;
        buf += n; len -= (size_t) n;
    }
}

static int read_all(int fd, char *buf, size_t len) {
    while (len > 0) {
        ssize_t n = read(fd, buf, len);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return -1;
        buf += n; len -= (size_t) n;
    }
    return 0;
}

static void on_signal(int sig) {
    if (first_signal == 0) first_signal = sig;
    char c = sig == SIGINT ? 'I' : 'T';
    (void) write(sock, &c, 1); /* async-signal-safe; the warm runner stops the run as the JVM's handler would */
}

/* The request buffer: NUL-terminated fields (RunRequest.java). */
static char *req;
static size_t req_len, req_cap;

static void field(const char *s) {
    size_t n = strlen(s) + 1;
    if (req_len + n > req_cap) {
        req_cap = (req_len + n) * 2;
        req = realloc(req, req_cap);
        if (req == NULL) exit(70);
    }
    memcpy(req + req_len, s, n);
    req_len += n;
}

static void number(long v) {
    char text[32];
    snprintf(text, sizeof text, "%ld", v);
    field(text);
}

int main(int argc, char **argv) {
    char dir[4096], path[sizeof ((struct sockaddr_un *) 0)->sun_path], stamp[64];
    if (argc == 3 && strcmp(argv[1], "--where") == 0) {
        root = argv[2];
        if (socket_path(path, sizeof path, dir, sizeof dir) != 0 || safe_directory(dir) != 0
            || build_stamp(stamp, sizeof stamp) != 0) return 1;
        printf("%s\n%s\n", path, stamp);
        return 0;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: kestra-sdk-client ROOT ARGS... | --where ROOT\n");
        return 2;
    }
    root = argv[1];
    command = argv + 2;
    command_count = argc - 2;
    const char *off = getenv("KESTRA_SDK_DAEMON");
    if (off != NULL && strcmp(off, "0") == 0) direct(0);
    for (int i = 0; i < command_count && strcmp(command[i], "--") != 0; i++) {
        if (strcmp(command[i], "--no-daemon") == 0) direct(0);
    }
    if (build_stamp(stamp, sizeof stamp) != 0) direct(0);
    if (socket_path(path, sizeof path, dir, sizeof dir) != 0) direct(0);
    if (safe_directory(dir) != 0) {
        fprintf(stderr, "kestra-sdk: warning: not using the warm runner: %s must be a directory of this user with"
                        " mode 0700 (not a link); running directly\n", dir);
        direct(0);
    }
    struct stat st;
    if (lstat(path, &st) != 0) direct(1);
    if (!S_ISSOCK(st.st_mode) || st.st_uid != getuid()) {
        fprintf(stderr, "kestra-sdk: warning: not using the warm runner: %s is not a socket of this user;"
                        " running directly\n", path);
        direct(0);
    }
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    memcpy(address.sun_path, path, strlen(path) + 1);
    sock = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (sock < 0) direct(0);
    if (connect(sock, (struct sockaddr *) &address, sizeof address) != 0) direct(1); /* stale: none listens */

    char cwd[8192], mask[16];
    if (getcwd(cwd, sizeof cwd) == NULL) direct(0);
    mode_t m = umask(0);
    umask(m);
    snprintf(mask, sizeof mask, "%04o", (unsigned) m);
    field("KSD1");
    field(stamp);
    field(mask);
    field(cwd);
    number(command_count);
    for (int i = 0; i < command_count; i++) field(command[i]);
    long envc = 0;
    for (char **e = environ; *e; e++) envc++;
    number(envc);
    for (char **e = environ; *e; e++) field(*e);

    signal(SIGPIPE, SIG_IGN);
    struct sigaction action = {.sa_handler = on_signal, .sa_flags = SA_RESTART};
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    write_all(sock, req, req_len);

    char header[5];
    char *payload = NULL;
    size_t payload_cap = 0;
    int running = 0;
    while (read_all(sock, header, 5) == 0) {
        uint32_t len = ((uint32_t) (unsigned char) header[1] << 24) | ((uint32_t) (unsigned char) header[2] << 16)
                       | ((uint32_t) (unsigned char) header[3] << 8) | (uint32_t) (unsigned char) header[4];
        if (len > payload_cap) {
            payload_cap = len;
            payload = realloc(payload, payload_cap);
            if (payload == NULL) return 70;
        }
        if (read_all(sock, payload, len) != 0) break;
        switch (header[0]) {
            case 'R': running = 1; break;
            case 'O': write_all(1, payload, len); break;
            case 'E': write_all(2, payload, len); break;
            case 'X':
                if (len != 4) return 70;
                return (int) (((uint32_t) (unsigned char) payload[0] << 24) | ((uint32_t) (unsigned char) payload[1] << 16)
                              | ((uint32_t) (unsigned char) payload[2] << 8) | (uint32_t) (unsigned char) payload[3]);
            case 'D':
                if (!running && len == 1) {
                    close(sock);
                    direct(payload[0] == '1');
                }
                return 70;
            default:
                return 70;
        }
    }
    if (!running) {  /* gone before the command started (stopping, or it crashed): nothing ran yet */
        close(sock);
        direct(1);
    }
    if (first_signal != 0) return 128 + first_signal; /* a second signal: the run was ended at once, as directly */
    fprintf(stderr, "kestra-sdk: the warm runner ended during the run (out of memory?); its log: %.*s.log\n",
            (int) (strlen(path) - 5), path);
    return 70;
}
