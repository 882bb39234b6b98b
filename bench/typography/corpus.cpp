// The typography corpus: prose from fixed word lists, drawn by splitmix64.
// English dominates, as in the sample; the other scripts are there so that the
// bench also counts missing-glyph warnings across the whole font chain. Every
// article has a percent-encoded url (source lines), every fifth a table of
// figures, every seventh a markets line with currency signs and emoji (the
// manat, dingbats, characters beyond the BMP, a flag), every seventh English
// one a list of long items; none draws from the generator, so the prose is as
// before.
#include "corpus.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace broadsheet::bench {

namespace {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
  template <typename T>
  const T& pick(const std::vector<T>& list) { return list[next() % list.size()]; }

 private:
  std::uint64_t state_;
};

using Words = std::vector<std::string_view>;

const Words kEnglish = {
    "the", "the", "the", "of", "of", "and", "and", "to", "to", "a", "a", "in", "in", "is", "that",
    "for", "on", "with", "as", "was", "by", "at", "from", "it", "said", "will", "has", "have",
    "are", "be", "an", "this", "which", "their", "after", "more", "than", "new", "year", "city",
    "government", "minister", "ministers", "parliament", "agreement", "economy", "economic",
    "markets", "investment", "infrastructure", "regional", "international", "development",
    "committee", "officials", "negotiations", "announcement", "transportation", "environmental",
    "representatives", "administration", "responsibility", "independent", "significant",
    "port", "ports", "ship", "train", "rail", "road", "bridge", "river", "coast", "harbour",
    "weather", "storm", "season", "harvest", "farmers", "schools", "teachers", "students",
    "hospital", "doctors", "research", "scientists", "laboratory", "museum", "festival", "music",
    "film", "theatre", "football", "match", "team", "players", "coach", "league", "final",
    "prices", "budget", "taxes", "exports", "imports", "energy", "electricity", "water", "gas",
    "local", "national", "public", "private", "small", "large", "early", "late", "first", "last",
    "week", "month", "morning", "evening", "today", "yesterday", "tomorrow", "recently",
    "according", "expected", "reported", "confirmed", "announced", "described", "continued",
    "between", "during", "against", "without", "because", "although", "however", "meanwhile",
    "people", "residents", "visitors", "workers", "companies", "suppliers", "customers",
    "timetable", "schedule", "delays", "capacity", "passengers", "freight", "containers",
};
const Words kRussian = {"город", "правительство", "министр", "соглашение", "экономика", "порт",
                        "погода", "школа", "больница", "исследование", "и", "в", "на", "с",
                        "по", "для", "сегодня", "вчера", "новый", "региональный"};
const Words kGreek = {"πόλη", "κυβέρνηση", "υπουργός", "συμφωνία", "οικονομία", "λιμάνι",
                      "καιρός", "σχολείο", "νοσοκομείο", "έρευνα", "και", "στο", "με", "για",
                      "σήμερα", "χθες", "νέος", "περιφερειακός"};
const Words kArabic = {"المدينة", "الحكومة", "الوزير", "اتفاقية", "الاقتصاد", "الميناء",
                       "الطقس", "المدرسة", "المستشفى", "بحث", "في", "من", "على", "مع",
                       "اليوم", "أمس", "جديد", "السلام"};
const Words kHebrew = {"העיר", "הממשלה", "השר", "הסכם", "הכלכלה", "הנמל", "מזג", "האוויר",
                       "בית", "הספר", "בית", "החולים", "מחקר", "של", "עם", "היום", "אתמול", "חדש"};
const Words kKorean = {"도시", "정부", "장관", "협정", "경제", "항구", "날씨", "학교", "병원",
                       "연구", "오늘", "어제", "새로운", "지역", "그리고", "있습니다"};
const std::string_view kHan = "中国日本北京上海经济政府市场发展公司科技文化体育国际新闻会议合作城市大学研究人们时间工作问题社会";

struct Language {
  std::string_view tag;
  const Words* words;  // nullptr: Han characters without spaces
  int share;           // per mille
};

const std::vector<Language> kLanguages = {
    {"en", &kEnglish, 900}, {"ru", &kRussian, 30}, {"el", &kGreek, 20}, {"zh", nullptr, 20},
    {"ko", &kKorean, 10},   {"ar", &kArabic, 10},  {"he", &kHebrew, 10},
};

const Language& choose_language(Rng& rng) {
  int roll = rng.between(0, 999);
  for (const Language& l : kLanguages) {
    if ((roll -= l.share) < 0) return l;
  }
  return kLanguages.front();
}

std::string han_sentence(Rng& rng) {
  std::string out;
  int n = rng.between(12, 40);
  for (int i = 0; i < n; ++i) {
    size_t at = static_cast<size_t>(rng.between(0, static_cast<int>(kHan.size() / 3) - 1)) * 3;
    out += kHan.substr(at, 3);
  }
  return out + "。";
}

std::string sentence(Rng& rng, const Language& lang, int min_words, int max_words) {
  if (!lang.words) return han_sentence(rng);
  std::string out;
  int n = rng.between(min_words, max_words);
  for (int i = 0; i < n; ++i) {
    std::string word(rng.pick(*lang.words));
    if (i == 0 && lang.tag == "en") word[0] = static_cast<char>(word[0] - 32);
    out += (i ? " " : "") + word;
    if (i + 1 < n && rng.between(0, 9) == 0) out += ",";
  }
  return out + ".";
}

std::string paragraph(Rng& rng, const Language& lang) {
  std::string out;
  int n = rng.between(2, 6);
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + sentence(rng, lang, 6, 22);
  return out;
}

std::string quoted(std::string text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\\\"") : std::string(1, c);
  return out + "\"";
}

// The address a feed gives for a title: its words joined by '-', every
// non-ASCII byte percent-encoded, as real Arabic, Hebrew or Cyrillic URLs
// arrive (source lines show them decoded and shortened: display_url).
std::string encoded_url(const Language& lang, const std::string& title, int index) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "https://news.example/" + std::string(lang.tag) + "/2024/11/05/" + std::to_string(index) + "/";
  for (unsigned char c : title) {
    if (c == ' ') {
      out += '-';
    } else if (c < 0x80 && c != '"' && c != '%') {
      out += static_cast<char>(c);
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

// Every fifth article ends with a table of figures: numeric columns (sums
// with currency signs, signed shares) that are set flush right.
std::string figures_table(int index) {
  const std::string a = std::to_string(1000 + index * 37), b = std::to_string(index % 90);
  return "      | Item | 2023 | 2024 | Change |\n      |---|---|---|---|\n"
         "      | Revenue | \u20AC " + a + ",5 mln | \u20AC " + b + " 120 mln | +" + b + "% |\n"
         "      | Spending | 29 950,4 | " + a + " | \u2212" + b + ",5% |\n";
}

// Every seventh article ends with a markets line as real Azerbaijani
// economic news and blogs write it: currency signs the DejaVu faces lack
// (U+20BC manat), dingbats (U+2705, U+274C) and emoji beyond the BMP.
std::string markets_line(int index) {
  const std::string rate = "1," + std::to_string(70 + index % 9);
  return "      Manat \u20BC " + rate + ", lira \u20BA 34, hryvnia \u20B4 41, rupee \u20B9 84: "
         "exports \u2705, imports \u274C, mood \U0001F600 \U0001F4C8 \U0001F1E6\U0001F1FF.\n";
}

// Every seventh article ends with a list of three long items (60 to 100 words,
// ten lines and more on a small page), the class that left quarter pages
// empty in ereader when an item moved on whole. Words are picked by the
// article's index, not drawn, so the prose is as before.
std::string long_list(int index) {
  std::string out = "\n";
  for (int item = 0; item < 3; ++item) {
    out += "      - ";
    const int words = 60 + (index * 7 + item * 13) % 41;
    for (int w = 0; w < words; ++w) {
      const size_t pick = static_cast<size_t>(index * 31 + item * 17 + w * 7) % kEnglish.size();
      out += (w ? " " : "") + std::string(kEnglish[pick]);
    }
    out += ".\n";
  }
  return out;
}

void article(Rng& rng, int index, std::string& out) {
  static const Words kSections = {"World", "Business", "Science", "Culture", "Sport", "Opinion"};
  const Language& lang = choose_language(rng);
  std::string title = sentence(rng, lang, 4, 9);
  title.resize(title.size() - (lang.words ? 1 : 3));  // no full stop ("." or "。")
  int minutes = 6 * 60 + index;
  char time[8] = {static_cast<char>('0' + minutes / 600), static_cast<char>('0' + minutes / 60 % 10), ':',
                  static_cast<char>('0' + minutes % 60 / 10), static_cast<char>('0' + minutes % 10), 0};
  out += "  - title: " + quoted(title) + "\n";
  out += "    date: 2024-11-05T" + std::string(time) + ":00Z\n";
  out += "    section: " + std::string(rng.pick(kSections)) + "\n";
  out += "    language: " + std::string(lang.tag) + "\n";
  out += "    url: " + quoted(encoded_url(lang, title, index)) + "\n";
  out += "    summary: " + quoted(sentence(rng, lang, 12, 28)) + "\n";
  out += "    body: |\n";
  int paragraphs = rng.between(3, 8);
  for (int p = 0; p < paragraphs; ++p) out += (p ? "\n" : "") + std::string("      ") + paragraph(rng, lang) + "\n";
  if (index % 7 == 3 && lang.tag == "en") out += long_list(index);
  if (index % 5 == 0) out += "\n" + figures_table(index);
  if (index % 7 == 3) out += "\n" + markets_line(index);
}

}  // namespace

std::string typography_corpus(int articles) {
  Rng rng(20241105);
  std::string out = "title: Typography Corpus\nlanguage: en\narticles:\n";
  for (int i = 0; i < articles; ++i) article(rng, i, out);
  return out;
}

}  // namespace broadsheet::bench
