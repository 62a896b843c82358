// structure: cuts one input into articles and their blocks, as a reader would.
//
// Guarantees, for one input text:
//  - every non-blank line is in either a block of exactly one document or a noise entry (never
//    both, never neither); documents are in order, do not overlap, and their span runs from
//    their first block to their last;
//  - a block is one line, except in hard-wrapped text (e-mail, plain-text wires, copies from PDF:
//    paragraphs cut into lines of nearly one width): there the lines of a paragraph, each filled
//    to the width and ending no sentence, are one block whose span holds the line breaks;
//  - an input is split into several documents at explicit separator lines (---, ***, ===), and
//    where a new article starts after the first: a headline the page template repeats a few lines
//    later, followed by body paragraphs; a related-links block (مقالات ذات صلة ...) up to the next
//    article is noise of kind related;
//  - repeated lines (captions and headlines the template shows twice) are flagged kDuplicate with
//    the span of the line they repeat; interface strings (data/structure/interface.txt) kInterface;
//  - block kinds: headline, subheadline, section, byline, dateline (parsed to a Gregorian date and
//    time), caption, heading, paragraph.
// Every span is a UTF-16 offset into the original text.
#ifndef BASIRA_SRC_STRUCTURE_STRUCTURE_H_
#define BASIRA_SRC_STRUCTURE_STRUCTURE_H_

#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "basira/result.h"
#include "basira/status.h"
#include "facts/facts.h"

namespace basira::structure {

// The structure of one input: its documents (input field left 0) and its noise.
struct Structure {
  std::vector<Document> documents;
  std::vector<Noise> noise;
};

class Structurer {
 public:
  // Loads the interface strings and the date words (src/facts).
  static Status Create(std::unique_ptr<Structurer>* structurer);
  Structure Analyze(const icu::UnicodeString& text) const;

  // Parses a dateline such as "الأربعاء ١٣ سبتمبر ٢٠٢٣ الساعة ١١:٣٨ مساءً" or
  // "الثلاثاء 12 سبتمبر 2023 / 12:38" or "13 أيلول/سبتمبر 2023" from a line's match key, with
  // the facts stage's date parser. False when the line is not a dateline (too long, or no day,
  // month and year).
  bool ParseDateline(const std::u16string& key, Dateline* dateline) const {
    return facts::ParseDateline(*facts_, key, dateline);
  }

 private:
  Structurer() = default;
  std::unique_ptr<facts::Extractor> facts_;
  // Compact key (letters and digits only) -> NoiseKind::kInterface or kRelated.
  std::unordered_map<std::u16string, NoiseKind> interface_;
};

}  // namespace basira::structure

#endif  // BASIRA_SRC_STRUCTURE_STRUCTURE_H_
