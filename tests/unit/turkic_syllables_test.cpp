// Hyphenation of the Turkic Latin languages by their syllable rules: words a
// native reader would check, with the breaks written out, through the token
// policy as paragraphs use it. The Hyphenator reads an empty dictionary
// folder, so the rules are tested even where a hyphen-tr package is installed.
#include <doctest/doctest.h>

#include <string>

#include "hyphen_test_support.h"
#include "typeset/turkic_syllables.h"

using namespace broadsheet;
using broadsheet::test::shown;

namespace {
constexpr const char* kNoDictionaries = "/nonexistent/hyphen-dictionaries";
}  // namespace

TEST_CASE("turkic: the languages by primary subtag") {
  CHECK(turkic_language("az") == TurkicLanguage::Azerbaijani);
  CHECK(turkic_language("az-Latn-AZ") == TurkicLanguage::Azerbaijani);
  CHECK(turkic_language("TR") == TurkicLanguage::Turkish);
  CHECK(turkic_language("tk") == TurkicLanguage::Turkmen);
  CHECK(turkic_language("uz_UZ") == TurkicLanguage::Uzbek);
  CHECK(turkic_language("crh") == TurkicLanguage::CrimeanTatar);
  CHECK_FALSE(turkic_language("en").has_value());
  CHECK_FALSE(turkic_language("").has_value());
  CHECK_FALSE(turkic_language("azb").has_value());  // South Azerbaijani: Arabic script
}

TEST_CASE("turkic: Azerbaijani") {
  Hyphenator h(kNoDictionaries);
  CHECK(shown("Azərbaycan", "az", h) == "Azər-bay-can");
  CHECK(shown("prezidentinə", "az", h) == "pre-zi-den-ti-nə");
  CHECK(shown("müəssisələrinin", "az", h) == "mü-əs-si-sə-lə-ri-nin");
  CHECK(shown("kitabxanalarda", "az", h) == "ki-tab-xa-na-lar-da");
  CHECK(shown("iqtisadiyyat", "az", h) == "iq-ti-sa-diy-yat");
  CHECK(shown("respublikasının", "az", h) == "res-pub-li-ka-sı-nın");
  CHECK(shown("çərşənbə", "az", h) == "çər-şən-bə");
  CHECK(shown("Əsgərlər", "az", h) == "Əs-gər-lər");  // Ə is a vowel in capital too
  CHECK(shown("istiqrazları,", "az", h) == "is-tiq-raz-la-rı,");
}

TEST_CASE("turkic: Turkish") {
  Hyphenator h(kNoDictionaries);
  CHECK(shown("İstanbul'da", "tr", h) == "İs-tan-bul'da");  // never at or after the apostrophe
  CHECK(shown("Ankara’daki", "tr", h) == "An-ka-ra’daki");  // U+2019 as well
  CHECK(shown("Türkiye", "tr", h) == "Tür-ki-ye");
  CHECK(shown("Türkçe", "tr", h) == "Türk-çe");
  CHECK(shown("cumhurbaşkanı", "tr", h) == "cum-hur-baş-ka-nı");
  CHECK(shown("Cumhuriyet", "tr", h) == "Cum-hu-ri-yet");
  CHECK(shown("kalemler", "tr", h) == "ka-lem-ler");
  CHECK(shown("saatler", "tr", h) == "sa-at-ler");          // two vowels, two syllables
  CHECK(shown("dükkânlar", "tr", h) == "dük-kân-lar");
  CHECK(shown("kontrol", "tr", h) == "kont-rol");           // TDK: one consonant opens a syllable
  CHECK(shown("üniversite", "tr", h) == "üni-ver-si-te");   // two letters at least before
  CHECK(shown("Iğdır", "tr", h) == "Iğ-dır");               // capital dotless I
  CHECK(shown("I\u0307zmir", "tr", h) == "I\u0307z-mir");   // İ as I + combining dot
}

TEST_CASE("turkic: Uzbek, with oʻ and gʻ as one letter, sh and ch one consonant") {
  Hyphenator h(kNoDictionaries);
  CHECK(shown("Oʻzbekiston", "uz", h) == "Oʻz-be-kis-ton");  // U+02BB
  CHECK(shown("o‘zbekcha", "uz", h) == "o‘z-bek-cha");       // U+2018
  CHECK(shown("o'zbek", "uz", h) == "o'z-bek");              // as often typed
  CHECK(shown("gʻalaba", "uz", h) == "gʻa-la-ba");
  CHECK(shown("choʻqqi", "uz", h) == "choʻq-qi");
  CHECK(shown("mashina", "uz", h) == "ma-shi-na");
  CHECK(shown("Toshkent", "uz", h) == "Tosh-kent");
  CHECK(shown("mustaqillik", "uz", h) == "mus-ta-qil-lik");
  CHECK(shown("maʼnaviyat", "uz", h) == "maʼ-na-vi-yat");    // the tutuq belgisi stays behind
  CHECK(shown("masʼuliyat", "uz", h) == "masʼ-u-li-yat");
}

TEST_CASE("turkic: Turkmen, where y is a vowel and ý a consonant") {
  Hyphenator h(kNoDictionaries);
  CHECK(shown("Türkmenistan", "tk", h) == "Türk-me-nis-tan");
  CHECK(shown("Aşgabat", "tk", h) == "Aş-ga-bat");
  CHECK(shown("ykdysadyýet", "tk", h) == "yk-dy-sa-dy-ýet");
  CHECK(shown("hökümet", "tk", h) == "hö-kü-met");
  CHECK(shown("Garaşsyzlyk", "tk", h) == "Ga-raş-syz-lyk");
}

TEST_CASE("turkic: Crimean Tatar") {
  Hyphenator h(kNoDictionaries);
  CHECK(shown("Qırımtatar", "crh", h) == "Qı-rım-ta-tar");
  CHECK(shown("tatarlar", "crh", h) == "ta-tar-lar");
}

TEST_CASE("turkic: what the token policy leaves whole stays whole") {
  Hyphenator h(kNoDictionaries);
  for (const char* token : {"Bakı", "saat", "ev", "2024-cü", "COVID-19", "İSTANBUL", "BMT-nin",
                            "https://xeber.example/az/iqtisadiyyat", "redaksiya@xeber.example",
                            "Азәрбајҹан", "prezident2024"}) {
    CHECK_MESSAGE(hyphenate_token(token, "az", h).empty(), token);
  }
  std::string not_a_word;  // 80,000 letters: no word, and past 16-bit offsets
  for (int i = 0; i < 20000; ++i) not_a_word += "kala";
  CHECK(hyphenate_token(not_a_word, "tr", h).empty());
  CHECK(shown("stadion", "az", h) == "sta-di-on");  // a cluster opening a word stays whole
  CHECK(shown("maktaba", "sw", h) == "maktaba");    // neither a dictionary nor rules
}

TEST_CASE("turkic: the rules alone, with the hyphenmins they are given") {
  CHECK(turkic_hyphen_points("kalem", TurkicLanguage::Turkish, 2, 2) == std::vector<std::uint16_t>{2});
  CHECK(turkic_hyphen_points("kalem", TurkicLanguage::Turkish, 2, 4).empty());
  CHECK(turkic_hyphen_points("Azərbaycan", TurkicLanguage::Azerbaijani, 1, 1) ==
        std::vector<std::uint16_t>{1, 5, 8});  // A-zər-bay-can in bytes (ə is two)
  CHECK(turkic_hyphen_points("Москва", TurkicLanguage::Azerbaijani, 2, 2).empty());
}
