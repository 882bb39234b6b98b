// The EPUB's machine-read files: META-INF/container.xml, the package document
// (content.opf), the EPUB 3 navigation document and the EPUB 2 NCX.
#pragma once

#include <chrono>
#include <string>

#include "doc/document.h"
#include "epub/plan.h"

namespace broadsheet::epub {

/// META-INF/container.xml pointing at OEBPS/content.opf.
std::string container_xml();

/// OEBPS/content.opf: metadata, manifest of every file, spine (front, articles).
std::string package_opf(const Document& doc, const EpubPlan& plan);

/// OEBPS/nav.xhtml: toc nav (sections → articles) and hidden landmarks.
std::string nav_xhtml(const EpubPlan& plan);

/// OEBPS/toc.ncx: the same contents for EPUB 2 readers, playOrder 1..N.
std::string toc_ncx(const EpubPlan& plan);

/// t as "CCYY-MM-DDThh:mm:ssZ" (UTC, by arithmetic: independent of TZ and locale).
std::string utc_timestamp(std::chrono::sys_seconds t);

}  // namespace broadsheet::epub
