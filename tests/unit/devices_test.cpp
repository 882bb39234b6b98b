// Device profiles: the six devices' figures as documented in docs/devices.md,
// lookup by name with its "did you mean" hint, and the ASCII names gateways need.
#include <doctest/doctest.h>

#include "devices/profile.h"

using namespace broadsheet;

TEST_CASE("devices: the six profiles, in the documented order") {
  std::string names;
  for (const DeviceProfile& p : device_profiles()) names += std::string(p.name) + " ";
  CHECK(names == "kindle kobo pocketbook koreader remarkable generic ");
  CHECK(device_names() == "kindle, kobo, pocketbook, koreader, remarkable, generic");
}

TEST_CASE("devices: Kindle by email, EPUB only, 50 MB and 25 attachments, approved senders") {
  const DeviceProfile kindle = *find_device("kindle");
  CHECK(kindle.epub);
  CHECK_FALSE(kindle.pdf);
  CHECK(kindle.has_email_path());
  CHECK(kindle.size_limit == 50'000'000);
  CHECK(kindle.max_attachments == 25);
  CHECK(kindle.ascii_names);
  CHECK(kindle.grayscale);
  CHECK(approved_sender_note(kindle, "news@example.org") ==
        "Kindle drops mail from senders it does not know, silently: add news@example.org to the "
        "approved personal document e-mail list (amazon.com/myk: Preferences, Personal Document "
        "Settings)");
}

TEST_CASE("devices: Kobo, KOReader and reMarkable have no email path") {
  for (const char* name : {"kobo", "koreader", "remarkable"}) {
    CAPTURE(name);
    CHECK_FALSE(find_device(name)->has_email_path());
    CHECK(approved_sender_note(*find_device(name), "a@b").empty());
  }
  CHECK(find_device("pocketbook")->has_email_path());
  CHECK(find_device("pocketbook")->ascii_names);
  CHECK(find_device("generic")->has_email_path());
}

TEST_CASE("devices: reMarkable reads the PDF on the ereader page; others keep the digest's style") {
  CHECK(find_device("remarkable")->pdf);
  CHECK(find_device("remarkable")->pdf_style == "ereader");
  CHECK(find_device("kindle")->pdf_style.empty());
  CHECK(find_device("generic")->pdf);
  CHECK(find_device("generic")->epub);
  CHECK_FALSE(find_device("generic")->grayscale);
}

TEST_CASE("devices: an unknown name, with and without a close one") {
  CHECK_FALSE(find_device("Kindle").has_value());
  const DeviceNameProblem typo = unknown_device("kindel");
  CHECK(typo.message == "unknown device 'kindel'");
  CHECK(typo.hint == "did you mean 'kindle'?");
  const DeviceNameProblem far = unknown_device("nook");
  CHECK(far.message == "unknown device 'nook'");
  CHECK(far.hint == "devices: kindle, kobo, pocketbook, koreader, remarkable, generic");
}

TEST_CASE("devices: short ASCII file names and subjects") {
  CHECK(ascii_file_name("2024-11-05.epub") == "2024-11-05.epub");
  CHECK(ascii_file_name("Xəbərlər 2024-11-05.epub") == "X-b-rl-r-2024-11-05.epub");
  CHECK(ascii_file_name("«»") == "edition");
  CHECK(ascii_file_name(".epub") == "edition.epub");
  const std::string long_name = ascii_file_name(std::string(60, 'a') + ".epub");
  CHECK(long_name == std::string(35, 'a') + ".epub");
  CHECK(long_name.size() == kMaxAsciiFileName);
  CHECK(ascii_subject("  World Brief — 5 November  ") == "World Brief 5 November");
  CHECK(ascii_subject("Xəbərlər") == "X b rl r");
  CHECK(ascii_subject(std::string(50, 'a') + " " + std::string(20, 'b')) == std::string(50, 'a'));
}
