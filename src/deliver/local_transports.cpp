// The transports that stay on this machine: a local MTA's sendmail program
// (postfix, msmtp: the queue for lists beyond a relay's hourly limit), files
// for a synced folder (dir:), and a maildir of the exact wire bytes.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include "deliver/compose.h"
#include "deliver/transport.h"
#include "env/files.h"

extern char** environ;

namespace broadsheet {
namespace fs = std::filesystem;

Outcome classify_exit_status(int status) {
  constexpr int kTempFail = 75;  // EX_TEMPFAIL from sysexits.h
  Outcome o;
  o.code = status;
  o.verdict = status == 0 ? Verdict::Sent : status == kTempFail ? Verdict::Deferred : Verdict::Failed;
  o.reply = status == 0 ? "accepted by the local MTA" : "the MTA exited with status " + std::to_string(status);
  return o;
}

namespace {

// The local MTA reads the message on stdin with LF line ends (-i: a lone dot
// is not the end); its exit status is the verdict.
class SendmailTransport : public Transport {
 public:
  explicit SendmailTransport(std::string program) : program_(std::move(program)) {}

  Outcome send(const Envelope& envelope, std::string_view message) override {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) throw EnvironmentError(std::string("pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    std::vector<std::string> args = {program_, "-i", "-f", envelope.from_address, "--", envelope.to_address};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, program_.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[0]);
    if (spawned != 0) {
      close(fds[1]);
      Outcome o{.verdict = Verdict::Deferred, .reply = program_ + ": " + std::strerror(spawned),
                .stop_run = true, .transport_broken = true};
      return o;
    }
    write_lf(fds[1], message);
    close(fds[1]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
    if (!WIFEXITED(status)) return Outcome{Verdict::Ambiguous, 0, program_ + " was killed by a signal"};
    return classify_exit_status(WEXITSTATUS(status));
  }

 private:
  static void write_lf(int fd, std::string_view message) {
    std::string lf;
    lf.reserve(message.size());
    for (size_t i = 0; i < message.size(); ++i) {
      if (message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n') continue;
      lf += message[i];
    }
    signal(SIGPIPE, SIG_IGN);  // an MTA that exits early is read from its status
    for (size_t done = 0; done < lf.size();) {
      const ssize_t n = write(fd, lf.data() + done, lf.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;
      done += static_cast<size_t>(n);
    }
  }
  std::string program_;
};

// dir:PATH: each recipient's attachments in PATH/ADDRESS/, for a folder a
// device syncs (Dropbox, KOReader); replaced atomically.
class DirTransport : public Transport {
 public:
  explicit DirTransport(fs::path dir) : dir_(std::move(dir)) {}
  Outcome send(const Envelope& envelope, std::string_view) override {
    const fs::path folder = dir_ / envelope.to_address;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) {
      return Outcome{.verdict = Verdict::Deferred, .reply = folder.string() + ": " + ec.message(),
                     .stop_run = true, .transport_broken = true};
    }
    for (const Attachment& a : *envelope.attachments) write_file_atomically(folder / a.file_name, a.bytes);
    return Outcome{Verdict::Sent, 0, "written to " + folder.string()};
  }

 private:
  fs::path dir_;
};

// A maildir (tmp/, new/, cur/): each message under a name made of its day and
// Message-ID, so a second preview replaces the first.
class MaildirTransport : public Transport {
 public:
  explicit MaildirTransport(fs::path dir) : dir_(std::move(dir)) {
    std::error_code ec;
    for (const char* sub : {"tmp", "new", "cur"}) fs::create_directories(dir_ / sub, ec);
    if (ec) throw EnvironmentError(dir_.string(), "cannot create the maildir", ec.message());
  }
  Outcome send(const Envelope& envelope, std::string_view message) override {
    std::string name = envelope.day + "." + envelope.message_id.substr(0, envelope.message_id.find('@')) + ".eml";
    write_file_atomically(dir_ / "new" / name, message);
    return Outcome{Verdict::Sent, 0, "written to " + (dir_ / "new" / name).string()};
  }

 private:
  fs::path dir_;
};

}  // namespace

std::unique_ptr<Transport> open_transport(const TransportConfig& config, const std::string& password,
                                          const std::string& from_address) {
  if (config.url.starts_with("sendmail:")) return std::make_unique<SendmailTransport>(config.url.substr(9));
  if (config.url.starts_with("dir:")) return std::make_unique<DirTransport>(config.url.substr(4));
  return make_smtp_transport(config, password, from_address);
}

std::unique_ptr<Transport> open_maildir(const fs::path& dir) { return std::make_unique<MaildirTransport>(dir); }

}  // namespace broadsheet
