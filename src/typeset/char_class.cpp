// Character classes by code point range: small tables instead of <cwctype>,
// whose answers depend on the process locale.
#include "typeset/char_class.h"

namespace broadsheet {

namespace {

bool in(char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; }

// Ranges where capitals and small letters alternate (capital at the even or
// the odd code point): Latin Extended-A/B, Cyrillic extensions, Latin Additional.
char32_t lower_paired(char32_t cp) {
  bool even_capitals = in(cp, 0x100, 0x137) || in(cp, 0x14A, 0x177) || in(cp, 0x200, 0x233) ||
                       in(cp, 0x460, 0x481) || in(cp, 0x48A, 0x4BF) || in(cp, 0x4D0, 0x52F) ||
                       in(cp, 0x1E00, 0x1EFF);
  bool odd_capitals = in(cp, 0x139, 0x148) || in(cp, 0x179, 0x17E) || in(cp, 0x4C1, 0x4CE);
  if ((even_capitals && cp % 2 == 0) || (odd_capitals && cp % 2 == 1)) return cp + 1;
  return cp;
}

char32_t lower_greek(char32_t cp) {
  if (in(cp, 0x391, 0x3AB) && cp != 0x3A2) return cp + 0x20;
  if (cp == 0x386) return 0x3AC;
  if (in(cp, 0x388, 0x38A)) return cp + 0x25;
  if (cp == 0x38C) return 0x3CC;
  if (cp == 0x38E || cp == 0x38F) return cp + 0x3F;
  return cp;
}

}  // namespace

bool is_word_letter(char32_t cp) {
  if (cp < 0x80) return in(cp, 'a', 'z') || in(cp, 'A', 'Z');
  if (cp == 0xD7 || cp == 0xF7) return false;
  return in(cp, 0xC0, 0x2AF) || in(cp, 0x300, 0x36F) || (in(cp, 0x370, 0x3FF) && cp != 0x37E && cp != 0x387) ||
         in(cp, 0x400, 0x52F) || in(cp, 0x1E00, 0x1FFF);
}

char32_t to_lower(char32_t cp) {
  if (in(cp, 'A', 'Z')) return cp + 0x20;
  if (in(cp, 0xC0, 0xDE) && cp != 0xD7) return cp + 0x20;
  if (cp == 0x178) return 0xFF;
  if (cp == 0x130) return 'i';    // Turkic İ: not the ı its neighbour pairing would give
  if (cp == 0x18F) return 0x259;  // Azerbaijani Ə, whose ə lies in IPA Extensions
  if (in(cp, 0x410, 0x42F)) return cp + 0x20;
  if (in(cp, 0x400, 0x40F)) return cp + 0x50;
  if (in(cp, 0x386, 0x3AB)) return lower_greek(cp);
  return lower_paired(cp);
}

bool is_cjk(char32_t cp) {
  return in(cp, 0x2E80, 0x2FDF) || in(cp, 0x3001, 0x30FF) || in(cp, 0x3100, 0x31FF) ||
         in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xAC00, 0xD7AF) ||
         in(cp, 0xF900, 0xFAFF) || in(cp, 0xFF00, 0xFFEF);
}

}  // namespace broadsheet
